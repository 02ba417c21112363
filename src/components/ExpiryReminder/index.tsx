// For codes that expire on a date (NetEase): the reader enters the date the provider
// shows and downloads a calendar event that reminds them before it lapses. WeChat's in-app
// browser, where most readers arrive from a chat, may block the download, so the same
// reminder is also offered as text to copy into a phone calendar or notes.
import clsx from 'clsx';
import { useId, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import type { expiryReminderData } from '@site/registry/page-data';
import CopyButton from '../CopyButton';
import styles from './styles.module.css';

type Data = ReturnType<typeof expiryReminderData>;

const DAYS_BEFORE = [3, 7, 14];

export default function ExpiryReminder({ data }: { data: Data }) {
  const id = useId();
  const [date, setDate] = useState('');
  const [days, setDays] = useState(7);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date));

  const summary = translate({ id: 'youxiang.expiry.summary', message: '{provider}{credential}即将到期' }, { provider: data.name, credential: data.credential });
  const describe = (url: string) =>
    translate(
      { id: 'youxiang.expiry.description', message: '{credential}将在 {date} 到期。请生成新的{credential}，并在来发信里更新绑定。操作方法：{url}' },
      { credential: data.credential, date, url },
    );
  const remindOn = valid ? new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10) : '';

  // The calendar writer loads on the click: only readers who want the reminder pay for it.
  const download = async () => {
    const { expiryIcs } = await import('@site/src/checker/ics');
    const url = new URL(data.guide, window.location.origin).href;
    const text = expiryIcs({
      date,
      daysBefore: days,
      summary,
      description: describe(url),
      url,
      uid: `${data.id}-expiry-${date}@laifa.xin`,
      now: new Date(),
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    link.download = `${data.id}-expiry-${date}.ics`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <div className={clsx(styles.reminder, 'widget-fields')}>
      <div className={styles.row}>
        <div>
          <label htmlFor={`${id}-date`}>
            {translate({ id: 'youxiang.expiry.date', message: '{credential}的到期日期' }, { credential: data.credential })}
          </label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-days`}>{translate({ id: 'youxiang.expiry.before', message: '提前提醒' })}</label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAYS_BEFORE.map((d) => (
              <option key={d} value={d}>
                {translate({ id: 'youxiang.expiry.days', message: '{days} 天' }, { days: d })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" className="button button--primary button--sm" disabled={!valid} onClick={download}>
        {translate({ id: 'youxiang.expiry.download', message: '下载日历提醒（.ics）' })}
      </button>
      {valid ? (
        <p className={styles.alt} data-reminder-text>
          {translate({
            id: 'youxiang.expiry.copyInstead',
            message: '在微信里打开本页时，日历文件可能下载不了。可以复制这段提醒，记进手机日历或备忘录：',
          })}{' '}
          <CopyButton
            text={translate(
              { id: 'youxiang.expiry.copyText', message: '{remind} 提醒：{summary}。{description}' },
              { remind: remindOn, summary, description: describe(new URL(data.guide, window.location.origin).href) },
            )}
            label={translate({ id: 'youxiang.expiry.copyButton', message: '复制提醒' })}
          />
        </p>
      ) : null}
    </div>
  );
}

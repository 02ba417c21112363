// Paste what the client or Laifaxin showed; get the registry entries that match, with
// the probe's matching rules. The entries (every provider's replies, meanings and fixes)
// load when the reader first focuses the box, not with the page: the list below it already
// shows them, and the troubleshooting page was the heaviest first load of the site.
import { useEffect, useId, useMemo, useState } from 'react';
import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { errorLookupData } from '@site/registry/page-data';
import { lookup } from '@site/src/checker/lookup';
import styles from './styles.module.css';

type Data = ReturnType<typeof errorLookupData>;

export default function ErrorLookup() {
  const id = useId();
  const [text, setText] = useState('');
  const [data, setData] = useState<Data | null>(null);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted || data) return;
    let active = true;
    import('@youxiang/lookup-data').then((m) => active && setData(m.default));
    return () => {
      active = false;
    };
  }, [wanted, data]);
  const found = useMemo(() => (data ? lookup(data.errors, text) : []), [data, text]);
  return (
    <div className={styles.lookup}>
      <label htmlFor={`${id}-text`}>
        {translate({ id: 'youxiang.lookup.label', message: '把邮箱客户端或来发信显示的报错原文粘贴到这里' })}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={text}
        onFocus={() => setWanted(true)}
        onChange={(e) => {
          setWanted(true);
          setText(e.target.value);
        }}
        spellCheck={false}
        placeholder="535 Error: …"
      />
      <div aria-live="polite" className={styles.results}>
        {text.trim() === '' || !data ? null : found.length === 0 ? (
          <p>{translate({ id: 'youxiang.lookup.none', message: '没有找到匹配的已知报错。请把原文完整粘贴（包括英文代码），或在下面的列表里按服务商查找。' })}</p>
        ) : (
          <>
            <p>{translate({ id: 'youxiang.lookup.count', message: '找到 {count} 条匹配：' }, { count: found.length })}</p>
            <ul className={styles.list}>
              {found.map((e) => (
                <li key={e.id} data-error={e.id}>
                  <p>
                    <code>{e.text}</code> · {e.provider} · <code>{e.code}</code>
                  </p>
                  <p>
                    <strong>{translate({ id: 'youxiang.lookup.meaning', message: '含义：' })}</strong>
                    {e.meaning}
                  </p>
                  <p>
                    <strong>{translate({ id: 'youxiang.lookup.fix', message: '解决：' })}</strong>
                    {e.fix}
                  </p>
                  <Link to={e.help}>{translate({ id: 'youxiang.lookup.more', message: '详细说明' })}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

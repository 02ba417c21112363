// Email → the right guide. Personal mailbox domains are recognized from the registry
// without the network; a company domain is identified by its MX records through the
// endpoint's /api/detect route.
import clsx from 'clsx';
import { useId, useState, type FormEvent } from 'react';
import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type { finderData } from '@site/registry/page-data';
import { domainOf, findOffline } from '@site/src/checker/finder';
import GuideLists from './GuideLists';
import styles from './styles.module.css';

type Data = ReturnType<typeof finderData>;
type Entry = Data['entries'][number];

type State =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'looking' }
  | { kind: 'found'; entry: Entry; domain: string; byMx: boolean }
  | { kind: 'unknown'; domain: string; mx: string[] }
  | { kind: 'error'; domain: string };

/**
 * `listed`: the page shows GuideLists itself, so without JavaScript the finder need not repeat them.
 * `example`: the address shown as a hint; the personal overview shows a personal one.
 */
export default function GuideFinder({ data, listed = false, example = 'name@yourcompany.com' }: { data: Data; listed?: boolean; example?: string }) {
  const index = data.entries;
  const { i18n } = useDocusaurusContext();
  const locale = i18n.currentLocale as 'zh-Hans' | 'en';
  const id = useId();
  const isBrowser = useIsBrowser();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function find(event: FormEvent) {
    event.preventDefault();
    const domain = domainOf(email);
    if (!domain) return setState({ kind: 'invalid' });
    const offline = findOffline(index, domain);
    if (offline) return setState({ kind: 'found', entry: offline, domain, byMx: false });
    setState({ kind: 'looking' });
    try {
      const response = await fetch(`/api/detect?domain=${encodeURIComponent(domain)}&lang=${locale}`);
      if (!response.ok) return setState({ kind: 'error', domain });
      const body = (await response.json()) as { provider: string | null; mx: { host: string }[]; error: string | null };
      const entry = index.find((e) => e.id === body.provider);
      if (entry) return setState({ kind: 'found', entry, domain, byMx: true });
      setState(body.error ? { kind: 'error', domain } : { kind: 'unknown', domain, mx: body.mx.map((m) => m.host) });
    } catch {
      setState({ kind: 'error', domain });
    }
  }

  return (
    <form className={clsx(styles.finder, 'widget-fields')} onSubmit={find} noValidate>
      <label htmlFor={`${id}-email`}>{translate({ id: 'youxiang.finder.label', message: '输入你的邮箱地址，找到对应的绑定指南' })}</label>
      <div className={styles.row}>
        <input id={`${id}-email`} type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} placeholder={example} value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={`${id}-result`} />
        {/* Until the page runs, a submit would only reload it and empty the field. */}
        <button type="submit" className="button button--primary" disabled={!isBrowser || state.kind === 'looking'}>
          {translate({ id: 'youxiang.finder.button', message: '查找指南' })}
        </button>
      </div>
      <div id={`${id}-result`} className={styles.result} aria-live="polite">
        {state.kind === 'invalid' ? <p>{translate({ id: 'youxiang.finder.invalid', message: '请输入完整的邮箱地址，例如 {example}。' }, { example })}</p> : null}
        {state.kind === 'looking' ? <p>{translate({ id: 'youxiang.finder.looking', message: '正在查询这个域名的邮件服务器（MX 记录）…' })}</p> : null}
        {state.kind === 'found' ? (
          <p data-provider={state.entry.id}>
            {state.byMx
              ? translate({ id: 'youxiang.finder.foundMx', message: '{domain} 的邮件服务器属于{provider}。' }, { domain: state.domain, provider: state.entry.name })
              : translate({ id: 'youxiang.finder.foundPersonal', message: '{domain} 是{provider}的邮箱。' }, { domain: state.domain, provider: state.entry.name })}{' '}
            <Link to={state.entry.guide}>{translate({ id: 'youxiang.finder.open', message: '打开{provider}绑定指南' }, { provider: state.entry.name })}</Link>
          </p>
        ) : null}
        {state.kind === 'unknown' ? (
          <p>
            {state.mx.length
              ? translate({ id: 'youxiang.finder.unknownMx', message: '{domain} 的邮件服务器（{mx}）不属于我们有指南的服务商。请问你的管理员邮箱开在哪里，或联系客服。' }, { domain: state.domain, mx: state.mx.join(', ') })
              : translate({ id: 'youxiang.finder.noMx', message: '{domain} 没有查到邮件服务器（MX 记录）。请核对 @ 后面的域名是否拼写正确。' }, { domain: state.domain })}
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p>{translate({ id: 'youxiang.finder.error', message: '暂时查不到 {domain} 的邮件服务器，请稍后再试，或在下面的列表里选择你的服务商。' }, { domain: state.domain })}</p>
        ) : null}
      </div>
      <noscript>
        <div className={styles.noscript}>
          <p>{translate({ id: 'youxiang.finder.noscript', message: '按邮箱地址查找需要 JavaScript，当前浏览器没有运行它。请在下面找到你的邮箱：' })}</p>
          {listed ? null : <GuideLists entries={index} />}
        </div>
      </noscript>
    </form>
  );
}

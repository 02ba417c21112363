// The checker itself, loaded on demand by ./index.tsx together with the provider's rules.
import clsx from 'clsx';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { copyText } from '@site/src/components/CopyButton';
import { domainOf } from '@site/src/checker/finder';
import { reportText } from '@site/src/checker/report';
import { probeRequest } from '@site/src/checker/request';
import { serviceFailure, type ServiceFailure } from '@site/src/checker/service';
import { backupSuggestion } from '@site/src/checker/suggest';
import { blocking, normalize, validate } from '@site/src/checker/validate';
import type { CheckerData, CheckerValues, Field, Issue, Locale, ProbeResult, Protocol, ValidatorModule } from '@site/src/checker/types';
import { loadFormMessages, translate } from './formTranslate';
import { exampleAddress, issueMessage, reportLabels, serviceMessage, stageName, SupportLine } from './messages';
import styles from './form.module.css';

export { loadValidators as loadRules } from '@site/src/checker/load';
export { loadFormMessages };

type Mode = 'servers' | 'login';
type Outcome =
  // What was checked travels with its results: the report describes this check, whatever the fields hold later.
  | { kind: 'results'; mode: Mode; setId: string | null; results: ProbeResult[]; at: Date; email: string; secret: string }
  | { kind: 'failed'; failure: ServiceFailure };

// Hosts like imap.{domain} stand for the reader's own domain, filled in from the address.
function hostFor(host: string, email: string): string {
  if (!host.includes('{domain}')) return host;
  const domain = domainOf(email);
  return domain ? host.replace('{domain}', domain) : '';
}

function fromSet(values: CheckerValues, set: CheckerData['sets'][number]): CheckerValues {
  const next = { ...values };
  for (const s of set.servers) next[s.protocol] = { host: hostFor(s.host, values.email), port: String(s.port), security: s.security };
  return next;
}

function activeSet(data: CheckerData, values: CheckerValues): string | null {
  const n = normalize(values, data);
  const same = (p: Protocol, s: CheckerData['sets'][number]) => {
    const server = s.servers.find((x) => x.protocol === p);
    return !server || (hostFor(server.host, n.email) === n[p].host && server.port === n[p].port && server.security === n[p].security);
  };
  return data.sets.find((s) => same('imap', s) && same('smtp', s))?.id ?? null;
}

// Providers whose address domains use different hosts (完美邮箱: 88.com, 111.com, email.cn) name them per set.
function setForAddress(data: CheckerData, email: string): CheckerData['sets'][number] | undefined {
  const domain = domainOf(email);
  return domain ? data.sets.find((s) => s.domains?.includes(domain)) : undefined;
}

function initialValues(data: CheckerData): CheckerValues {
  const base = fromSet({ email: '', password: '', imap: { host: '', port: '', security: 'ssl' }, smtp: { host: '', port: '', security: 'ssl' } }, data.sets[0]);
  if (typeof window === 'undefined') return base;
  // Links from support may carry the address and the set, never a password.
  const params = new URLSearchParams(window.location.search);
  const email = params.get('email') ?? '';
  const set = data.sets.find((s) => s.id === params.get('set')) ?? setForAddress(data, email);
  return fromSet({ ...base, email }, set ?? data.sets[0]);
}

export default function CheckerForm({ data, rules }: { data: CheckerData; rules: ValidatorModule }) {
  const { i18n } = useDocusaurusContext();
  const locale = i18n.currentLocale as Locale;
  const uid = useId();
  const [values, setValues] = useState<CheckerValues>(() => initialValues(data));
  const [attempted, setAttempted] = useState(false);
  const [running, setRunning] = useState<Mode | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [notice, setNotice] = useState<'fix' | 'password' | null>(null);

  const issues = useMemo(() => validate(values, data, rules), [values, data, rules]);
  const setId = activeSet(data, values);

  const update = (field: Field, value: string) => {
    setCopyState('idle');
    setValues((v) => {
      if (field === 'email') {
        // While the form holds one of the provider's sets (not hosts the reader typed), it
        // follows the address: to the set that serves its domain, or the set's {domain} hosts.
        const current = data.sets.find((s) => s.id === activeSet(data, v));
        if (!current) return { ...v, email: value };
        const next = setForAddress(data, value) ?? current;
        return next !== current || next.servers.some((x) => x.host.includes('{domain}')) ? fromSet({ ...v, email: value }, next) : { ...v, email: value };
      }
      if (field === 'password') return { ...v, password: value };
      const [protocol, key] = field.split('.') as [Protocol, 'host' | 'port' | 'security'];
      return { ...v, [protocol]: { ...v[protocol], [key]: value } };
    });
  };

  const visible = (field: Field): Issue | undefined => {
    const issue = issues.find((i) => i.field === field);
    if (!issue) return undefined;
    // An empty field is only flagged after a check was asked for; everything else as the reader types.
    const empty = issue.rule === 'emailRequired' || (issue.rule === 'hostFormat' && issue.params.host === '');
    return empty && !attempted ? undefined : issue;
  };

  // The field to fix may be far above the button on a phone: bring it into view and into focus.
  const focusField = (field: Field) => {
    const input = document.getElementById(`${uid}-${field}`);
    input?.scrollIntoView({ block: 'center' });
    input?.focus({ preventScroll: true });
  };

  async function run(mode: Mode, override?: CheckerValues) {
    const current = override ?? values;
    setAttempted(true);
    setCopyState('idle');
    const stop = blocking(validate(current, data, rules), mode === 'login');
    if (stop.length) {
      setNotice('fix');
      return focusField(stop[0].field);
    }
    if (mode === 'login' && !current.password) {
      setNotice('password');
      return focusField('password');
    }
    setNotice(null);
    const request = probeRequest(current, data, mode === 'login', locale);
    setRunning(mode);
    setOutcome(null);
    try {
      const response = await fetch('/api/probe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
      const body = response.ok ? ((await response.json()) as { results: ProbeResult[] }) : null;
      setOutcome(
        body
          ? { kind: 'results', mode, setId: activeSet(data, current), results: body.results, at: new Date(), email: request.email, secret: request.password ?? '' }
          : { kind: 'failed', failure: serviceFailure(response.status, response.headers.get('Retry-After')) },
      );
    } catch {
      setOutcome({ kind: 'failed', failure: { kind: 'offline' } });
    } finally {
      setRunning(null);
    }
  }

  // Enter, or the phone keyboard's Go, checks the login once a password is there, else the servers.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    if (running === null) void run(values.password ? 'login' : 'servers');
  };

  const pickSet = (id: string) => {
    const set = data.sets.find((s) => s.id === id);
    if (set) setValues((v) => fromSet(v, set));
    setOutcome(null);
  };

  const suggestion = outcome?.kind === 'results' ? backupSuggestion(data, outcome.setId, outcome.results) : null;
  const modeLabel = (mode: Mode) =>
    mode === 'login'
      ? translate({ id: 'youxiang.checker.checkLogin', message: '检查登录' })
      : translate({ id: 'youxiang.checker.checkServers', message: '检查服务器' });

  const report = () => {
    if (outcome?.kind !== 'results') return '';
    const setLabel = data.sets.find((s) => s.id === outcome.setId)?.label ?? translate({ id: 'youxiang.checker.custom', message: '自定义' });
    return reportText(
      { provider: { id: data.id, name: data.name }, email: outcome.email, setLabel, mode: modeLabel(outcome.mode), results: outcome.results, at: outcome.at, origin: window.location.origin },
      reportLabels(),
      outcome.secret,
    );
  };

  const fieldProps = (field: Field) => {
    const issue = visible(field);
    return {
      id: `${uid}-${field}`,
      'aria-invalid': issue?.severity === 'error' ? true : undefined,
      'aria-describedby': `${uid}-${field}-msg`,
    };
  };
  const message = (field: Field): ReactNode => {
    const issue = visible(field);
    // The ASCII spelling of what was typed, offered rather than used: the reader decides.
    const ascii = issue?.rule === 'asciiOnly' && issue.params.ascii ? String(issue.params.ascii) : null;
    return (
      <div id={`${uid}-${field}-msg`} className={issue?.severity === 'error' ? styles.error : styles.warning} aria-live="polite" data-field={field}>
        {issue ? issueMessage(issue, data, rules, locale) : null}
        {ascii ? (
          <span className={styles.spelling} data-spelling={field}>
            <code>{ascii}</code>
            <button type="button" className="button button--outline button--primary button--sm" onClick={() => update(field, ascii)}>
              {translate({ id: 'youxiang.checker.useSpelling', message: '改用这个写法' })}
            </button>
          </span>
        ) : null}
      </div>
    );
  };

  const serverFields = (protocol: Protocol) => (
    <fieldset className={styles.server}>
      <legend>
        {protocol === 'imap'
          ? translate({ id: 'youxiang.checker.imap', message: '收信服务器（IMAP）' })
          : translate({ id: 'youxiang.checker.smtp', message: '发信服务器（SMTP）' })}
      </legend>
      <label htmlFor={`${uid}-${protocol}.host`}>{translate({ id: 'youxiang.checker.host', message: '服务器地址' })}</label>
      <input {...fieldProps(`${protocol}.host`)} name={`${protocol}-host`} type="text" inputMode="url" enterKeyHint="go" autoCapitalize="none" autoCorrect="off" spellCheck={false} value={values[protocol].host} onChange={(e) => update(`${protocol}.host`, e.target.value)} />
      {message(`${protocol}.host`)}
      <div className={styles.row}>
        <div>
          <label htmlFor={`${uid}-${protocol}.port`}>{translate({ id: 'youxiang.checker.port', message: '端口' })}</label>
          <input {...fieldProps(`${protocol}.port`)} name={`${protocol}-port`} type="text" inputMode="numeric" enterKeyHint="go" value={values[protocol].port} onChange={(e) => update(`${protocol}.port`, e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${uid}-${protocol}.security`}>{translate({ id: 'youxiang.checker.security', message: '加密方式' })}</label>
          <select {...fieldProps(`${protocol}.security`)} name={`${protocol}-security`} value={values[protocol].security} onChange={(e) => update(`${protocol}.security`, e.target.value)}>
            <option value="ssl">SSL/TLS</option>
            <option value="starttls">STARTTLS</option>
          </select>
        </div>
      </div>
      {message(`${protocol}.port`)}
      {message(`${protocol}.security`)}
    </fieldset>
  );

  return (
    <form
      className={clsx(styles.form, 'widget-fields')}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      aria-label={translate({ id: 'youxiang.checker.label', message: '绑定设置检查' }) + ` · ${data.name}`}>
      <fieldset className={styles.sets}>
        <legend>{translate({ id: 'youxiang.checker.sets', message: '服务器组' })}</legend>
        {data.sets.map((s) => (
          <button key={s.id} type="button" className={styles.set} aria-pressed={setId === s.id} onClick={() => pickSet(s.id)} data-set={s.id}>
            {s.label}
          </button>
        ))}
        <span className={styles.set} aria-hidden={setId !== null} data-set="custom" data-active={setId === null}>
          {translate({ id: 'youxiang.checker.custom', message: '自定义' })}
        </span>
      </fieldset>

      <label htmlFor={`${uid}-email`}>{translate({ id: 'youxiang.checker.email', message: '邮箱地址' })}</label>
      {/* Not type="email": Chromium rewrites a Chinese or full-width domain in one to ASCII (li@例子.cn
          becomes li@xn--fsqu00a.cn) before the form sees it, and the check must see what was typed. */}
      <input {...fieldProps('email')} name="email" type="text" inputMode="email" enterKeyHint="go" autoComplete="email" autoCapitalize="none" spellCheck={false} placeholder={exampleAddress(data)} value={values.email} onChange={(e) => update('email', e.target.value)} />
      {message('email')}

      <label htmlFor={`${uid}-password`}>
        {translate({ id: 'youxiang.checker.password', message: '密码：{credential}' }, { credential: data.credential.name })}
      </label>
      <input {...fieldProps('password')} name="password" type="password" enterKeyHint="go" autoComplete="off" value={values.password} onChange={(e) => update('password', e.target.value)} />
      {message('password')}
      <p className={styles.note}>
        {translate({ id: 'youxiang.checker.passwordNote', message: '“检查登录”会把密码发送一次，只用于这次检查，不会被保存或记录。“检查服务器”不需要密码。' })}
      </p>

      {serverFields('imap')}
      {serverFields('smtp')}

      <div className={styles.actions}>
        <button type="button" className="button button--primary" disabled={running !== null} onClick={() => run('servers')}>
          {running === 'servers' ? translate({ id: 'youxiang.checker.running', message: '检查中…' }) : modeLabel('servers')}
        </button>
        <button type="button" className="button button--secondary" disabled={running !== null} onClick={() => run('login')}>
          {running === 'login' ? translate({ id: 'youxiang.checker.running', message: '检查中…' }) : modeLabel('login')}
        </button>
      </div>
      <div aria-live="polite" className={styles.error} data-field="form">
        {notice === 'fix'
          ? translate({ id: 'youxiang.checker.fixFirst', message: '请先改正上面标红的项目。' })
          : notice === 'password'
            ? translate({ id: 'youxiang.checker.needPassword', message: '“检查登录”需要填写密码。' })
            : null}
      </div>

      <section className={styles.results} aria-live="polite" aria-busy={running !== null}>
        {outcome?.kind === 'failed' ? (
          <div className={styles.service} data-service={outcome.failure.kind}>
            <p>{serviceMessage(outcome.failure)}</p>
            <SupportLine kind="failed" />
          </div>
        ) : null}
        {outcome?.kind === 'results' ? (
          <>
            {outcome.results.map((r) => (
              <div key={`${r.protocol}-${r.host}-${r.port}`} className={r.ok ? styles.ok : styles.fail} data-result={r.protocol}>
                <h4>
                  {r.protocol.toUpperCase()} <code>{r.host}:{r.port}</code> {r.security === 'ssl' ? 'SSL/TLS' : 'STARTTLS'} —{' '}
                  {r.ok ? translate({ id: 'youxiang.checker.passed', message: '通过' }) : translate({ id: 'youxiang.checker.failed', message: '失败' })}
                </h4>
                <ol className={styles.stages}>
                  {r.stages.map((s) => (
                    <li key={s.name} data-ok={s.ok}>
                      <span aria-hidden>{s.skipped ? '–' : s.ok ? '✓' : '✗'}</span> {stageName(s.name)} <span className={styles.ms}>{s.ms} ms</span>
                    </li>
                  ))}
                </ol>
                {r.error ? (
                  <div className={styles.explain}>
                    <p>
                      <strong>{r.error.message}</strong> {r.error.fix}
                    </p>
                    <p className={styles.code}>
                      <code>{r.error.code}</code>
                      {r.error.providerCode ? <> · <code>{r.error.providerCode}</code></> : null}
                    </p>
                    {r.error.serverText ? (
                      <p>
                        {translate({ id: 'youxiang.checker.serverSaid', message: '服务器原话：' })}
                        <code>{r.error.serverText}</code>
                      </p>
                    ) : null}
                    <p>
                      <a href={r.error.help}>{translate({ id: 'youxiang.checker.howToFix', message: '查看解决方法' })}</a>
                      {r.error.also ? (
                        <>
                          {' · '}
                          <a href={r.error.also}>{translate({ id: 'youxiang.checker.inIndex', message: '在错误速查里看这一条' })}</a>
                        </>
                      ) : null}
                    </p>
                  </div>
                ) : null}
              </div>
            ))}
            {suggestion ? (
              <div className={styles.suggest} data-suggest={suggestion.id}>
                <p>
                  {translate(
                    { id: 'youxiang.checker.tryBackup', message: '推荐服务器这次没有成功，这类问题换一组服务器常常就能解决：可以试试“{label}”。' },
                    { label: suggestion.label },
                  )}
                </p>
                <button
                  type="button"
                  className="button button--primary button--sm"
                  onClick={() => {
                    const next = fromSet(values, suggestion);
                    setValues(next);
                    void run(outcome.mode, next);
                  }}>
                  {translate({ id: 'youxiang.checker.tryBackupButton', message: '换成“{label}”再检查' }, { label: suggestion.label })}
                </button>
              </div>
            ) : null}
            <div className={styles.report}>
              <button
                type="button"
                className="button button--outline button--secondary button--sm"
                onClick={async () => setCopyState((await copyText(report())) ? 'copied' : 'manual')}>
                {translate({ id: 'youxiang.checker.copyReport', message: '复制检查报告' })}
              </button>
              <span role="status">{copyState === 'copied' ? translate({ id: 'youxiang.checker.copied', message: '已复制，可以直接粘贴给客服。' }) : ''}</span>
              {copyState === 'manual' ? (
                <>
                  <label htmlFor={`${uid}-report`}>{translate({ id: 'youxiang.checker.copyManually', message: '无法自动复制，请长按下面的文字复制：' })}</label>
                  <textarea id={`${uid}-report`} readOnly rows={8} value={report()} onFocus={(e) => e.currentTarget.select()} />
                </>
              ) : null}
              <SupportLine kind="report" />
            </div>
          </>
        ) : null}
      </section>
    </form>
  );
}

// Every sentence the checker shows, in the reader's language. Rules are worded here,
// from the rule that failed and its parameters; ajv's own wording never reaches the page.
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import SiteTranslate from '@docusaurus/Translate';
import type { ServiceFailure } from '@site/src/checker/service';
import { supportUrl } from '@site/src/checker/support';
import type { CheckerData, Issue, Locale, ValidatorModule } from '@site/src/checker/types';
import type { ReportLabels } from '@site/src/checker/report';
import { Translate, translate } from './formTranslate';

/** An address of the kind this guide is for: on the provider's own domain for a personal mailbox. */
export function exampleAddress(data: Pick<CheckerData, 'domains'>): string {
  return `name@${data.domains[0] ?? 'yourcompany.com'}`;
}

export function issueMessage(issue: Issue, data: CheckerData, module: ValidatorModule | null, locale: Locale): ReactNode {
  const p = issue.params;
  const credential = data.credential.name;
  switch (issue.rule) {
    case 'emailRequired':
      return translate({ id: 'youxiang.checker.issue.emailRequired', message: '请填写完整的邮箱地址，例如 {example}。' }, { example: exampleAddress(data) });
    // The check runs only on the spelling the reader will type into the binding form (server/spelling.ts).
    case 'asciiOnly':
      switch (p.kind) {
        case 'full-width':
          return translate(
            { id: 'youxiang.checker.issue.fullWidth', message: '这里有全角字符或中文标点（{chars}）。绑定表单要用半角字符，检查也只按半角写法进行。' },
            { chars: p.chars },
          );
        case 'invisible':
          return translate({ id: 'youxiang.checker.issue.invisible', message: '这里夹着看不见的字符（{chars}），多半是复制时带进来的。检查只按去掉它们的写法进行。' }, { chars: p.chars });
        case 'idn':
          return translate(
            { id: 'youxiang.checker.issue.chineseDomain', message: '这里有中文（{chars}）。绑定表单要用英文字符，中文域名要换成以 xn-- 开头的写法，检查也只按这种写法进行。' },
            { chars: p.chars },
          );
        default:
          return translate({ id: 'youxiang.checker.issue.notAscii', message: '这里有绑定表单用不了的字符（{chars}），请切换到英文输入法重新输入。' }, { chars: p.chars });
      }
    case 'emailFormat':
      return translate({ id: 'youxiang.checker.issue.emailFormat', message: '邮箱地址格式不对：要包含 @ 和域名，例如 {example}，前后不要有空格。' }, { example: exampleAddress(data) });
    case 'emailAccepted':
      return translate(
        {
          id: 'youxiang.checker.issue.emailAccepted',
          message: '这个地址的写法检查服务收不了：@ 前面只能用英文字母、数字和 . _ - + 等符号，@ 后面是域名（例如 company.cn），不能有空格、中文或全角符号，整个地址最长 {max} 个字符。',
        },
        { max: p.max },
      );
    case 'emailPersonal': {
      const personal = module?.personalDomains[String(p.domain)];
      const text =
        data.kind === 'personal' && personal
          ? translate(
              { id: 'youxiang.checker.issue.emailOtherPersonal', message: '{domain} 是{other}的地址，不是{provider}，这篇指南的设置对它不适用。' },
              { domain: String(p.domain), other: personal.names[locale], provider: data.name },
            )
          : translate(
              { id: 'youxiang.checker.issue.emailPersonal', message: '{domain} 是个人邮箱，不是{provider}，这篇指南的设置对它不适用。' },
              { domain: String(p.domain), provider: data.name },
            );
      return personal ? (
        <>
          {text}{' '}
          <Link to={personal.guide}>
            {translate({ id: 'youxiang.checker.issue.emailPersonalLink', message: '请看{name}的绑定指南' }, { name: personal.names[locale] })}
          </Link>
        </>
      ) : (
        text
      );
    }
    case 'emailDomain':
      return translate(
        { id: 'youxiang.checker.issue.emailDomain', message: '{domain} 不是{provider}的地址（{expected}）。如果这是公司邮箱，请看企业邮箱指南；确实是{provider}就继续。' },
        { domain: p.domain, provider: data.name, expected: p.expected },
      );
    case 'passwordAccepted':
      return translate(
        { id: 'youxiang.checker.issue.passwordAccepted', message: '这里超过了 {max} 个字符，不像是密码，多半是把别的内容一起粘贴进来了。请只粘贴{credential}。' },
        { credential, max: p.max },
      );
    case 'passwordSpaces':
      return translate({ id: 'youxiang.checker.issue.passwordSpaces', message: '密码里有空格。{credential}不含空格，请重新复制，去掉空格后再填。' }, { credential });
    case 'passwordCharset':
      return data.credential.charset === 'letters'
        ? translate({ id: 'youxiang.checker.issue.passwordLetters', message: '{credential}只由英文字母组成，这里有其他字符。请重新复制{credential}。' }, { credential })
        : translate({ id: 'youxiang.checker.issue.passwordAlphanumeric', message: '{credential}只由英文字母和数字组成，这里有其他字符。请重新复制{credential}。' }, { credential });
    case 'passwordHyphens':
      return translate(
        { id: 'youxiang.checker.issue.passwordHyphens', message: '{credential}显示时带连字符（xxxx-xxxx-xxxx-xxxx），请连同连字符原样粘贴。' },
        { credential },
      );
    case 'passwordLength':
      return translate(
        { id: 'youxiang.checker.issue.passwordLength', message: '{credential}是 {expected} 位，你填了 {actual} 位。请确认粘贴的是{credential}，而不是邮箱的登录密码。' },
        { credential, expected: p.expected, actual: p.actual },
      );
    case 'hostFormat':
      return translate({ id: 'youxiang.checker.issue.hostFormat', message: '服务器地址格式不对：只填主机名（例如 {example}），不要带 http://、@ 或端口号。' }, { example: data.sets[0].servers[0].host });
    case 'imapHostKnown':
      return translate(
        { id: 'youxiang.checker.issue.imapHostKnown', message: '{host} 不是{provider}的收信服务器。除非客服让你这样填，请改回 {expected}。' },
        { host: p.host, provider: data.name, expected: p.expected },
      );
    case 'smtpHostKnown':
      return translate(
        { id: 'youxiang.checker.issue.smtpHostKnown', message: '{host} 不是{provider}的发信服务器。除非客服让你这样填，请改回 {expected}。' },
        { host: p.host, provider: data.name, expected: p.expected },
      );
    case 'portAccepted':
      return p.protocol === 'imap'
        ? translate({ id: 'youxiang.checker.issue.imapPortNumber', message: '端口要填 1 到 65535 之间的整数。收信（IMAP）通常是 993（SSL）或 143（STARTTLS）。' })
        : translate({ id: 'youxiang.checker.issue.smtpPortNumber', message: '端口要填 1 到 65535 之间的整数。发信（SMTP）通常是 465（SSL）或 587（STARTTLS）。' });
    case 'securityAccepted':
      return translate({ id: 'youxiang.checker.issue.security', message: '加密方式请选 SSL/TLS 或 STARTTLS。' });
    case 'imapPort':
      return translate({ id: 'youxiang.checker.issue.imapPort', message: '收信（IMAP）端口通常是 993（SSL）或 143（STARTTLS），请核对。' });
    case 'smtpPort':
      return translate({ id: 'youxiang.checker.issue.smtpPort', message: '发信（SMTP）端口通常是 465（SSL）或 587（STARTTLS），请核对。' });
    case 'portSecurity':
      return p.expected === 'ssl'
        ? translate({ id: 'youxiang.checker.issue.portNeedsSsl', message: '端口 {port} 要选 SSL：993 和 465 一连上就加密，143 和 587 才用 STARTTLS。' }, { port: p.port })
        : translate({ id: 'youxiang.checker.issue.portNeedsStarttls', message: '端口 {port} 要选 STARTTLS：143 和 587 先连接再加密，993 和 465 才用 SSL。' }, { port: p.port });
  }
}

/** The checker's own service failed: say so, and what to do, without a word against the reader's settings. */
export function serviceMessage(failure: ServiceFailure): string {
  switch (failure.kind) {
    case 'missing':
      return translate({
        id: 'youxiang.checker.service.missing',
        message: '这个网站上的检查服务现在用不了，这次没能检查，和你填的内容无关。可以先对照本页的服务器表核对设置，过一会儿再来试。',
      });
    case 'broken':
      return translate({
        id: 'youxiang.checker.service.broken',
        message: '检查服务出了故障，这次没能检查，和你填的内容无关。请过几分钟再试；也可以先对照本页的服务器表核对设置。',
      });
    case 'busy':
      return failure.retryAfter
        ? translate({ id: 'youxiang.checker.service.busy', message: '检查服务正忙，这次没能检查。请 {seconds} 秒后再试。' }, { seconds: failure.retryAfter })
        : translate({ id: 'youxiang.checker.service.busyLater', message: '检查服务正忙，这次没能检查。请稍等一会儿再试。' });
    case 'limited':
      return failure.retryAfter
        ? translate(
            { id: 'youxiang.checker.service.limited', message: '你所在的网络短时间内发出的检查太多，检查服务先暂停接收。请 {seconds} 秒后再试。' },
            { seconds: failure.retryAfter },
          )
        : translate({ id: 'youxiang.checker.service.limitedLater', message: '你所在的网络短时间内发出的检查太多，检查服务先暂停接收。请过一会儿再试。' });
    case 'refused':
      return translate({
        id: 'youxiang.checker.service.refused',
        message: '检查服务没有接受这次检查，这是检查工具自己的问题。请刷新页面再试；也可以先对照本页的服务器表核对设置。',
      });
    case 'offline':
      return translate({
        id: 'youxiang.checker.service.offline',
        message: '连不上检查服务：可能是网络断了，或者当前网络拦截了它。请检查网络后再试，也可以换用手机流量或其他网络。',
      });
  }
}

/** Where to turn next: after a failed check, or under the report to send. */
export function SupportLine({ kind }: { kind: 'failed' | 'report' }) {
  const link = (
    <Link to={supportUrl}>
      <SiteTranslate id="youxiang.checker.support.link">来发信客服</SiteTranslate>
    </Link>
  );
  return (
    <p className="margin-vert--sm" data-support={kind}>
      {kind === 'report' ? (
        <Translate id="youxiang.checker.support.report" values={{ link }}>
          {'把复制的报告发给{link}，客服能直接看到是哪一步出了问题。'}
        </Translate>
      ) : (
        <Translate id="youxiang.checker.support.failed" values={{ link }}>
          {'需要帮忙的话，可以联系{link}，把本页链接和你填的服务器设置发过去。'}
        </Translate>
      )}
    </p>
  );
}

export function stageName(name: string): string {
  switch (name) {
    case 'dns':
      return translate({ id: 'youxiang.checker.stage.dns', message: '域名解析' });
    case 'tcp':
      return translate({ id: 'youxiang.checker.stage.tcp', message: '连接' });
    case 'tls':
      return translate({ id: 'youxiang.checker.stage.tls', message: '加密（TLS）' });
    case 'greeting':
      return translate({ id: 'youxiang.checker.stage.greeting', message: '服务器应答' });
    case 'capabilities':
      return translate({ id: 'youxiang.checker.stage.capabilities', message: '功能协商' });
    case 'auth':
      return translate({ id: 'youxiang.checker.stage.auth', message: '登录' });
    default:
      return name;
  }
}

export function reportLabels(): ReportLabels {
  return {
    title: translate({ id: 'youxiang.checker.report.title', message: '来发信邮箱检查报告' }),
    provider: translate({ id: 'youxiang.checker.report.provider', message: '服务商' }),
    email: translate({ id: 'youxiang.checker.report.email', message: '邮箱' }),
    servers: translate({ id: 'youxiang.checker.report.servers', message: '服务器' }),
    time: translate({ id: 'youxiang.checker.report.time', message: '时间' }),
    ok: translate({ id: 'youxiang.checker.report.ok', message: '通过' }),
    failed: translate({ id: 'youxiang.checker.report.failed', message: '失败' }),
    skipped: translate({ id: 'youxiang.checker.report.skipped', message: '跳过' }),
    reply: translate({ id: 'youxiang.checker.report.reply', message: '服务器原话' }),
    explanation: translate({ id: 'youxiang.checker.report.explanation', message: '说明' }),
    link: translate({ id: 'youxiang.checker.report.link', message: '解决方法' }),
    support: translate({ id: 'youxiang.checker.report.support', message: '请把这份报告发给来发信客服' }),
  };
}

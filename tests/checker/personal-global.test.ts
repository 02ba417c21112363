// The binding-form rules of the seven global personal guides, run through the modules the
// pages load (src/checker/generated): each provider's documented format passes, nothing
// the provider would accept is refused, and an obviously wrong password gets the human
// sentence the widget shows (src/components/Checker/messages.tsx and its English in
// src/components/Checker/form.en.json), never ajv's wording. Also the guide finder's offline step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { checkerData, finderData } from '../../registry/page-data';
import { findOffline, domainOf } from '../../src/checker/finder';
import { loadValidators } from '../../src/checker/load';
import { blocking, normalize, validate } from '../../src/checker/validate';
import type { CheckerData, CheckerValues, Issue } from '../../src/checker/types';
import { root } from '../support/site';

type Locale = 'zh-Hans' | 'en';
const providers = loadRegistry();
const data = (id: string, locale: Locale = 'en') => checkerData(providers.find((p) => p.id === id)!, locale) as CheckerData;

/** A form filled with the provider's own first servers. */
function form(id: string, email: string, password: string): CheckerValues {
  const servers = data(id).sets[0].servers;
  const server = (protocol: 'imap' | 'smtp') => {
    const s = servers.find((x) => x.protocol === protocol)!;
    return { host: s.host, port: String(s.port), security: s.security };
  };
  return { email, password, imap: server('imap'), smtp: server('smtp') };
}

const issuesOf = async (id: string, email: string, password: string) => validate(form(id, email, password), data(id), await loadValidators(id));
const rulesOf = async (id: string, email: string, password: string) => (await issuesOf(id, email, password)).map((i) => `${i.field}:${i.rule}:${i.severity}`);

// The sentences the widget words each rule with, in both languages.
const messagesSource = readFileSync(join(root, 'src', 'components', 'Checker', 'messages.tsx'), 'utf8');
// The checker form's English strings load with the form (src/components/Checker/formTranslate.tsx).
const english = JSON.parse(readFileSync(join(root, 'src', 'components', 'Checker', 'form.en.json'), 'utf8')) as Record<string, string>;

function sentence(messageId: string, locale: Locale, values: Record<string, string | number>): string {
  const zh = new RegExp(`id: '${messageId.replace(/\./g, '\\.')}', message: '([^']+)'`).exec(messagesSource)?.[1];
  const template = locale === 'en' ? english[messageId] : zh;
  expect(template, `${messageId} in ${locale}`).toBeTruthy();
  return template!.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
}

/** The widget's sentence for the password rules these tests meet. */
function passwordMessage(issue: Issue, id: string, locale: Locale): string {
  const credential = data(id, locale).credential.name;
  const ids: Partial<Record<Issue['rule'], string>> = {
    passwordLength: 'youxiang.checker.issue.passwordLength',
    passwordSpaces: 'youxiang.checker.issue.passwordSpaces',
    passwordHyphens: 'youxiang.checker.issue.passwordHyphens',
  };
  return sentence(ids[issue.rule]!, locale, { credential, ...issue.params } as Record<string, string | number>);
}

describe('Gmail: a 16-character app password, spaces for reading only', () => {
  it('passes with the spaces Google shows and without them, and sends it without', async () => {
    expect(await rulesOf('gmail', 'li.lei@gmail.com', 'abcd efgh ijkl mnop')).toEqual([]);
    expect(await rulesOf('gmail', 'li.lei@gmail.com', 'abcdefghijklmnop')).toEqual([]);
    expect(normalize(form('gmail', 'li.lei@gmail.com', 'abcd efgh ijkl mnop'), data('gmail')).password).toBe('abcdefghijklmnop');
  });

  it('turns away a 9-character login password with a sentence a reader understands', async () => {
    const issues = await issuesOf('gmail', 'li.lei@gmail.com', 'Secret123');
    expect(issues).toEqual([{ field: 'password', rule: 'passwordLength', severity: 'error', params: { expected: 16, actual: 9 } }]);
    expect(passwordMessage(issues[0], 'gmail', 'zh-Hans')).toBe('应用专用密码是 16 位，你填了 9 位。请确认粘贴的是应用专用密码，而不是邮箱的登录密码。');
    const en = passwordMessage(issues[0], 'gmail', 'en');
    expect(en).toContain('app password has 16 characters; you entered 9.');
    expect(en).toContain('not your mailbox login password');
    expect(en).not.toMatch(/must|NOT have|fewer than/);
  });

  it('knows googlemail.com addresses as Gmail\'s', async () => {
    expect(await rulesOf('gmail', 'li.lei@googlemail.com', 'abcdefghijklmnop')).toEqual([]);
  });
});

describe('iCloud: xxxx-xxxx-xxxx-xxxx, pasted with its hyphens', () => {
  it('passes with the hyphens on every iCloud domain, and sends the hyphens', async () => {
    for (const domain of ['icloud.com', 'me.com', 'mac.com']) expect(await rulesOf('icloud', `li.lei@${domain}`, 'abcd-efgh-ijkl-mnop'), domain).toEqual([]);
    expect(normalize(form('icloud', 'li.lei@me.com', 'abcd-efgh-ijkl-mnop'), data('icloud')).password).toBe('abcd-efgh-ijkl-mnop');
  });

  it('only warns without the hyphens, and does not block the login check', async () => {
    const issues = await issuesOf('icloud', 'li.lei@icloud.com', 'abcdefghijklmnop');
    expect(issues.map((i) => `${i.rule}:${i.severity}`)).toEqual(['passwordHyphens:warning']);
    expect(blocking(issues, true)).toEqual([]);
    expect(passwordMessage(issues[0], 'icloud', 'zh-Hans')).toBe('App 专用密码显示时带连字符（xxxx-xxxx-xxxx-xxxx），请连同连字符原样粘贴。');
  });

  it('turns away the Apple Account password with the expected and typed lengths', async () => {
    const issues = await issuesOf('icloud', 'li.lei@icloud.com', 'MyApple2024!');
    expect(issues[0]).toMatchObject({ rule: 'passwordLength', severity: 'error', params: { expected: 16, actual: 12 } });
    expect(passwordMessage(issues[0], 'icloud', 'en')).toContain('app-specific password has 16 characters; you entered 12.');
  });
});

describe('Yahoo and AOL: 16-character app passwords', () => {
  it.each(['yahoo', 'aol'])('%s: 16 characters pass, 12 are refused with both lengths', async (id) => {
    const domain = id === 'yahoo' ? 'yahoo.com' : 'aol.com';
    expect(await rulesOf(id, `li.lei@${domain}`, 'qwertyuiopasdfgh')).toEqual([]);
    const issues = await issuesOf(id, `li.lei@${domain}`, 'mypassword12');
    expect(issues).toEqual([{ field: 'password', rule: 'passwordLength', severity: 'error', params: { expected: 16, actual: 12 } }]);
    expect(passwordMessage(issues[0], id, 'zh-Hans')).toContain('是 16 位，你填了 12 位');
  });

  it('knows ymail.com and rocketmail.com as Yahoo\'s', async () => {
    for (const domain of ['ymail.com', 'rocketmail.com']) expect(await rulesOf('yahoo', `li.lei@${domain}`, 'qwertyuiopasdfgh'), domain).toEqual([]);
  });

  it('AOL: a password pasted with spaces is a copying mistake, worded for the reader', async () => {
    const issues = await issuesOf('aol', 'li.lei@aol.com', 'qwer tyui opas dfgh');
    expect(issues.map((i) => i.rule)).toEqual(['passwordSpaces']);
    expect(passwordMessage(issues[0], 'aol', 'en')).toMatch(/^The password contains spaces\. .*app password has none: copy it again and remove the spaces\.$/);
  });
});

describe('providers that state no length: Yandex, Mail.ru', () => {
  it.each([
    ['yandex', ['yandex.com', 'yandex.ru', 'ya.ru', 'yandex.by', 'yandex.kz', 'yandex.ua', 'narod.ru']],
    ['mailru', ['mail.ru', 'inbox.ru', 'bk.ru', 'list.ru', 'internet.ru']],
  ] as const)('%s accepts a password of any length on each of its domains', async (id, domains) => {
    for (const domain of domains) {
      for (const password of ['abcdefghijklmnop', 'Xy7kQ2pL9mNw4vRt8sZa', 'short1']) expect(await rulesOf(id, `li.lei@${domain}`, password), `${domain} ${password}`).toEqual([]);
    }
  });
});

describe('Outlook.com: no rule may stand between the reader and Microsoft\'s own answer', () => {
  it('accepts any password, spaces included, so the checker can show the real refusal', async () => {
    for (const domain of ['outlook.com', 'hotmail.com', 'live.com', 'msn.com']) {
      for (const password of ['abcdefghijklmnop', 'my login password', 'x']) expect(await rulesOf('outlook', `li.lei@${domain}`, password), `${domain} ${password}`).toEqual([]);
    }
  });

  it('fills in the SMTP host Microsoft names for Outlook.com', () => {
    expect(form('outlook', 'li.lei@outlook.com', '').smtp).toEqual({ host: 'smtp-mail.outlook.com', port: '587', security: 'starttls' });
  });
});

describe('addresses of another provider', () => {
  it('are turned away with the right guide named', async () => {
    const module = await loadValidators('gmail');
    const issues = validate(form('gmail', 'li.lei@me.com', 'abcdefghijklmnop'), data('gmail'), module);
    expect(issues).toEqual([{ field: 'email', rule: 'emailPersonal', severity: 'error', params: { domain: 'me.com', provider: 'icloud' } }]);
    expect(module.personalDomains['me.com'].guide).toBe('/youxiang/113-pingguo-icloudyouxiang-apple-personal-email');
    expect((await loadValidators('icloud')).personalDomains['hotmail.com'].guide).toBe('/youxiang/108-weiruan-outlookyouxiang-microsoft-personal-email');
  });
});

describe('guide finder, offline step', () => {
  const expected = {
    'gmail.com': ['gmail', '101-guge-gmailyouxiang-google-personal-email'],
    'outlook.com': ['outlook', '108-weiruan-outlookyouxiang-microsoft-personal-email'],
    'hotmail.com': ['outlook', '108-weiruan-outlookyouxiang-microsoft-personal-email'],
    'icloud.com': ['icloud', '113-pingguo-icloudyouxiang-apple-personal-email'],
    'me.com': ['icloud', '113-pingguo-icloudyouxiang-apple-personal-email'],
    'yahoo.com': ['yahoo', '102-yahu-yahooyouxiang-yahoo-personal-mailbox'],
    'aol.com': ['aol', '114-aol-aolyouxiang-aol-personal-email'],
    'yandex.ru': ['yandex', '115-yandex-yandexyouxiang-yandex-personal-email'],
    'mail.ru': ['mailru', '116-mailru-mailyouxiang-mail-personal-email'],
  } as const;

  it.each(['zh-Hans', 'en'] as const)('%s: sends each address to its guide on this site', (locale) => {
    const entries = finderData(providers, locale).entries;
    for (const [domain, [id, slug]] of Object.entries(expected)) {
      const found = findOffline(entries, domainOf(`Li.Lei@${domain.toUpperCase()}`)!);
      expect(found?.id, domain).toBe(id);
      expect(found?.guide, domain).toBe(`/youxiang/${slug}`);
    }
  });
});

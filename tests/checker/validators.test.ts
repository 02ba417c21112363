// The checker's field rules, run through the modules compiled ahead of time: the same
// code the guide pages load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../registry/ajv';
import { loadRegistry } from '../../registry/load';
import { checkerData } from '../../registry/page-data';
import { generatedDir, generateValidators } from '../../scripts/gen-validators';
import { loadValidators } from '../../src/checker/load';
import { probeRequest } from '../../src/checker/request';
import { checkerSchema } from '../../src/checker/schema';
import { blocking, normalize, validate } from '../../src/checker/validate';
import type { CheckerData, CheckerValues, RuleFn, RuleId, ValidatorModule } from '../../src/checker/types';

const providers = loadRegistry();
const data = (id: string) => checkerData(providers.find((p) => p.id === id)!, 'en') as CheckerData;

function form(overrides: Partial<CheckerValues> = {}): CheckerValues {
  return {
    email: 'sales@company.cn',
    password: 'abcdEFGH1234ijkl',
    imap: { host: 'hwhzimap.qiye.163.com', port: '993', security: 'ssl' },
    smtp: { host: 'hwhzsmtp.qiye.163.com', port: '465', security: 'ssl' },
    ...overrides,
  };
}

const rulesOf = async (id: string, values: CheckerValues) => validate(values, data(id), await loadValidators(id)).map((i) => `${i.field}:${i.rule}`);

describe('generated validators', () => {
  it('are up to date with the registry (run `npx tsx scripts/gen-validators.ts`)', () => {
    for (const [name, code] of Object.entries(generateValidators(providers))) {
      expect(readFileSync(join(generatedDir, name), 'utf8'), name).toBe(code);
    }
  });

  it('ship neither ajv nor its messages', () => {
    const code = readFileSync(join(generatedDir, 'netease.js'), 'utf8');
    expect(code).not.toMatch(/require\(|from "ajv|must match|must be/);
  });
});

describe('NetEase enterprise rules', () => {
  it('accepts the recommended set with a 16-character code', async () => {
    expect(await rulesOf('netease', form())).toEqual([]);
  });

  it('accepts the backup set', async () => {
    expect(await rulesOf('netease', form({ imap: { host: 'imap.qiye.163.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.qiye.163.com', port: '465', security: 'ssl' } }))).toEqual([]);
  });

  it('flags a 12-character login password with both lengths', async () => {
    const issues = validate(form({ password: 'mypassword12' }), data('netease'), await loadValidators('netease'));
    expect(issues).toEqual([{ field: 'password', rule: 'passwordLength', severity: 'error', params: { expected: 16, actual: 12 } }]);
  });

  it('flags spaces in a code the provider does not show in groups', async () => {
    expect(await rulesOf('netease', form({ password: 'abcd EFGH 1234 ijkl' }))).toEqual(['password:passwordSpaces']);
  });

  it('turns away a personal 163.com address and names the personal provider', async () => {
    const issues = validate(form({ email: 'li.lei@163.com' }), data('netease'), await loadValidators('netease'));
    expect(issues).toEqual([{ field: 'email', rule: 'emailPersonal', severity: 'error', params: { domain: '163.com', provider: 'netease-163' } }]);
  });

  it('recognizes a personal domain typed in capitals', async () => {
    expect(await rulesOf('netease', form({ email: 'Li@QQ.COM' }))).toEqual(['email:emailPersonal']);
  });

  it('asks for an address with @ and a domain', async () => {
    expect(await rulesOf('netease', form({ email: 'sales' }))).toEqual(['email:emailFormat']);
    expect(await rulesOf('netease', form({ email: '' }))).toEqual(['email:emailRequired']);
  });

  it('flags port 465 with STARTTLS and 587 with SSL', async () => {
    const issues = validate(form({ smtp: { host: 'hwhzsmtp.qiye.163.com', port: '465', security: 'starttls' } }), data('netease'), await loadValidators('netease'));
    expect(issues).toEqual([{ field: 'smtp.security', rule: 'portSecurity', severity: 'error', params: { port: 465, expected: 'ssl' } }]);
    expect(await rulesOf('netease', form({ smtp: { host: 'hwhzsmtp.qiye.163.com', port: '587', security: 'ssl' } }))).toEqual(['smtp.security:portSecurity']);
  });

  it('warns about a host that is not one of the provider\'s, naming the recommended one', async () => {
    const issues = validate(form({ imap: { host: 'imap.company.cn', port: '993', security: 'ssl' } }), data('netease'), await loadValidators('netease'));
    expect(issues).toEqual([{ field: 'imap.host', rule: 'imapHostKnown', severity: 'warning', params: { host: 'imap.company.cn', expected: 'hwhzimap.qiye.163.com' } }]);
    expect(blocking(issues, true)).toEqual([]);
  });

  it('rejects a host typed with a scheme or port', async () => {
    expect(await rulesOf('netease', form({ imap: { host: 'https://hwhzimap.qiye.163.com', port: '993', security: 'ssl' } }))).toEqual(['imap.host:hostFormat']);
  });

  it('warns about an unusual port but does not block the check', async () => {
    const issues = validate(form({ imap: { host: 'hwhzimap.qiye.163.com', port: '995', security: 'ssl' } }), data('netease'), await loadValidators('netease'));
    expect(issues.map((i) => `${i.rule}:${i.severity}`)).toEqual(['imapPort:warning']);
  });

  it('leaves an empty password alone until the login check asks for it', async () => {
    expect(await rulesOf('netease', form({ password: '' }))).toEqual([]);
  });

  it('does not block "Check servers" on a password problem', async () => {
    const issues = validate(form({ password: 'short' }), data('netease'), await loadValidators('netease'));
    expect(blocking(issues, false)).toEqual([]);
    expect(blocking(issues, true).map((i) => i.rule)).toEqual(['passwordLength']);
  });
});

// Issue 18: what a Chinese keyboard gives (full-width letters and digits, 。, ＠) or a copy brings
// along (a zero-width space) is named, with the ASCII spelling to use instead; the check waits.
describe('spellings the binding form may not read', () => {
  const imap = (host: string) => ({ imap: { host, port: '993', security: 'ssl' as const } });
  it.each([
    ['full-width letters in a host', form(imap('ｈｗｈｚｉｍａｐ.qiye.163.com')), 'imap.host', { kind: 'full-width', chars: 'ｈ ｗ ｚ ｉ ｍ ａ …', ascii: 'hwhzimap.qiye.163.com' }],
    ['ideographic full stops in a host', form(imap('hwhzimap。qiye。163。com')), 'imap.host', { kind: 'full-width', chars: '。', ascii: 'hwhzimap.qiye.163.com' }],
    ['a full-width IP address', form(imap('１２７．０．０．１')), 'imap.host', { kind: 'full-width', chars: '１ ２ ７ ． ０', ascii: '127.0.0.1' }],
    ['a zero-width space in a host', form(imap('hwhzimap.qiye\u200b.163.com')), 'imap.host', { kind: 'invisible', chars: 'U+200B', ascii: 'hwhzimap.qiye.163.com' }],
    ['a Chinese domain', form(imap('邮件.公司.cn')), 'imap.host', { kind: 'idn', chars: '邮 件 公 司', ascii: 'xn--5nq051n.xn--55qx5d.cn' }],
    ['a full-width @', form({ email: 'sales＠company.cn' }), 'email', { kind: 'full-width', chars: '＠', ascii: 'sales@company.cn' }],
    ['a full stop from a Chinese keyboard in the domain', form({ email: 'sales@company｡cn' }), 'email', { kind: 'full-width', chars: '｡', ascii: 'sales@company.cn' }],
    ['Chinese before the @', form({ email: '销售@company.cn' }), 'email', { kind: 'none', chars: '销 售', ascii: '' }],
  ])('%s is named, with its ASCII spelling, and stops the check', async (_label, values, field, params) => {
    const issues = validate(values, data('netease'), await loadValidators('netease'));
    expect(issues).toEqual([{ field, rule: 'asciiOnly', severity: 'error', params }]);
    expect(blocking(issues, false)).toHaveLength(1);
  });

  it('is satisfied by the spelling it offers', async () => {
    const values = form({ email: 'sales@company.cn', ...imap('hwhzimap.qiye.163.com') });
    expect(validate(values, data('netease'), await loadValidators('netease'))).toEqual([]);
  });
});

describe('Google Workspace rules', () => {
  it('strips the spaces of a grouped app password before counting', async () => {
    expect(await rulesOf('google-workspace', form({ password: 'abcd efgh ijkl mnop', imap: { host: 'imap.gmail.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.gmail.com', port: '587', security: 'starttls' } }))).toEqual([]);
  });

  it('still counts the characters', async () => {
    expect(await rulesOf('google-workspace', form({ password: 'abcd efgh ijkl', imap: { host: 'imap.gmail.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.gmail.com', port: '465', security: 'ssl' } }))).toEqual(['password:passwordLength']);
  });
});

describe('providers without a stated length', () => {
  it('accept any length', async () => {
    expect(await rulesOf('mail263', form({ password: 'x'.repeat(9), imap: { host: 'imap.263.net', port: '993', security: 'ssl' }, smtp: { host: 'smtp.263.net', port: '465', security: 'ssl' } }))).toEqual([]);
  });
});

describe('hosts that stand for the reader\'s own domain (35.com: imap.{domain})', () => {
  const servers = (host: string) => ({ imap: { host: `imap.${host}`, port: '993', security: 'ssl' as const }, smtp: { host: `smtp.${host}`, port: '465', security: 'ssl' as const } });

  it('accept imap.<any domain>', async () => {
    expect(await rulesOf('mail35', form({ password: 'whatever1', ...servers('company.cn') }))).toEqual([]);
  });

  it('warn about a host of another shape', async () => {
    expect(await rulesOf('mail35', form({ password: 'whatever1', ...servers('company.cn'), imap: { host: 'mail.company.cn', port: '993', security: 'ssl' } }))).toEqual(['imap.host:imapHostKnown']);
  });
});

// The same schema the generator compiles, compiled here with ajv: covers providers whose
// guide is not hosted yet (no generated module) with exactly the rules they will ship.
function compiledRules(id: string): ValidatorModule {
  const provider = providers.find((p) => p.id === id)!;
  const schema = checkerSchema(provider, providers);
  const ajv = createAjv();
  ajv.addSchema(schema);
  const rules = Object.fromEntries(Object.keys(schema.definitions).map((rule) => [rule, ajv.getSchema(`${schema.$id}#/definitions/${rule}`) as RuleFn])) as Partial<Record<RuleId, RuleFn>>;
  return { rules, personalDomains: {} };
}
const compiledIssues = (id: string, values: CheckerValues) => validate(values, data(id), compiledRules(id)).map((i) => `${i.field}:${i.rule}:${i.severity}`);
const icloudForm = (password: string) => form({ email: 'me@icloud.com', password, imap: { host: 'imap.mail.me.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.mail.me.com', port: '587', security: 'starttls' } });

describe('hyphenated codes (iCloud: xxxx-xxxx-xxxx-xxxx)', () => {
  it('accept the code as Apple shows it, hyphens included, and send it with them', () => {
    expect(compiledIssues('icloud', icloudForm('abcd-efgh-ijkl-mnop'))).toEqual([]);
    expect(normalize(icloudForm('abcd-efgh-ijkl-mnop'), data('icloud')).password).toBe('abcd-efgh-ijkl-mnop');
  });

  it('do not refuse the code without hyphens, but say to paste it as shown', () => {
    expect(compiledIssues('icloud', icloudForm('abcdefghijklmnop'))).toEqual(['password:passwordHyphens:warning']);
  });

  it('count 16 characters without the hyphens', () => {
    expect(compiledIssues('icloud', icloudForm('abcd-efgh-ijkl'))).toEqual(['password:passwordLength:error']);
  });
});

describe('personal guides', () => {
  it('warn, without blocking, about an address outside the provider\'s own domains', () => {
    const issues = validate(icloudForm('abcd-efgh-ijkl-mnop'), data('icloud'), compiledRules('icloud'));
    expect(issues).toEqual([]);
    const other = validate({ ...icloudForm('abcd-efgh-ijkl-mnop'), email: 'me@company.cn' }, data('icloud'), compiledRules('icloud'));
    expect(other).toEqual([{ field: 'email', rule: 'emailDomain', severity: 'warning', params: { domain: 'company.cn', expected: data('icloud').domains.join(', ') } }]);
    expect(blocking(other, true)).toEqual([]);
  });

  it('turn away another personal provider\'s address', () => {
    expect(compiledIssues('icloud', { ...icloudForm('abcd-efgh-ijkl-mnop'), email: 'me@qq.com' })).toEqual(['email:emailPersonal:error']);
  });

  it('accept any character in a password the reader chose (login or client password)', () => {
    const servers = { imap: { host: 'imap.139.com', port: '993', security: 'ssl' as const }, smtp: { host: 'smtp.139.com', port: '465', security: 'ssl' as const } };
    expect(compiledIssues('mobile-139', form({ email: '13800000000@139.com', password: 'my pass word!', ...servers }))).toEqual([]);
  });
});

describe('Zoho rules', () => {
  const zoho = (password: string) => form({ email: 'sales@company.cn', password, imap: { host: 'imappro.zoho.com', port: '993', security: 'ssl' }, smtp: { host: 'smtppro.zoho.com', port: '465', security: 'ssl' } });

  it('accept Zoho\'s 12-character app password, typed with or without spaces', async () => {
    expect(await rulesOf('zoho', zoho('a1b2c3d4e5f6'))).toEqual([]);
    expect(await rulesOf('zoho', zoho('a1b2 c3d4 e5f6'))).toEqual([]);
  });

  it('flag a password of another length as not the app password', async () => {
    expect(await rulesOf('zoho', zoho('my-zoho-login-pw'))).toEqual(['password:passwordLength']);
  });
});

// Whatever the endpoint would refuse with a 400 the page stops first, with its own words:
// the body the form would send is validated with the endpoint's schema, the form with the
// provider's compiled rules, for values a reader can type.
describe('the page refuses everything the endpoint would', () => {
  const validateRequest = createAjv().compile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'server', 'probe-request.schema.json'), 'utf8')));
  const netease = form();
  const server = (protocol: 'imap' | 'smtp', patch: Partial<CheckerValues['imap']>) => ({ [protocol]: { ...netease[protocol], ...patch } });
  const cases: [string, Partial<CheckerValues>][] = [
    ['port 99999', server('imap', { port: '99999' })],
    ['port abc', server('smtp', { port: 'abc' })],
    ['port 0', server('imap', { port: '0' })],
    ['an empty port', server('smtp', { port: '' })],
    ['port -1', server('imap', { port: '-1' })],
    ['port 99.5', server('imap', { port: '99.5' })],
    ['port ９９３ in full-width digits', server('imap', { port: '９９３' })],
    ['a host of 300 characters', server('imap', { host: `${'a'.repeat(290)}.163.com` })],
    ['a host with a space', server('smtp', { host: 'smtp.qiye .163.com' })],
    ['a host with a scheme', server('imap', { host: 'https://imap.qiye.163.com' })],
    ['an empty host', server('imap', { host: '' })],
    ['security "none"', server('imap', { security: 'none' as never })],
    ['an address with Chinese before the @', { email: '销售@company.cn' }],
    ['an address with a full-width @', { email: 'sales＠company.cn' }],
    ['an address with an ideographic full stop', { email: 'sales@company。cn' }],
    ['a host with full-width letters', server('imap', { host: 'ｉｍａｐ.qiye.163.com' })],
    ['a host with ideographic full stops', server('smtp', { host: 'smtp。qiye。163。com' })],
    ['a host in Chinese', server('imap', { host: '邮件.公司.cn' })],
    ['an address starting with a dot', { email: '.sales@company.cn' }],
    ['a domain starting with a hyphen', { email: 'sales@-company.cn' }],
    ['an address of 300 characters', { email: `${'s'.repeat(290)}@company.cn` }],
    ['an empty address', { email: '' }],
    ['a password of 2000 characters', { password: 'x'.repeat(2000) }],
  ];

  it.each(cases)('%s', async (_label, patch) => {
    const values = { ...netease, ...patch };
    const body = probeRequest(values, data('netease'), true, 'zh-Hans');
    expect(validateRequest(JSON.parse(JSON.stringify(body))), 'the endpoint refuses it').toBe(false);
    expect(blocking(validate(values, data('netease'), await loadValidators('netease')), true).length, 'the page stops it').toBeGreaterThan(0);
  });

  it('sends what it accepts', async () => {
    const body = probeRequest(netease, data('netease'), true, 'zh-Hans');
    expect(validateRequest(body)).toBe(true);
    expect(blocking(validate(netease, data('netease'), await loadValidators('netease')), true)).toEqual([]);
  });
});

// The checker's field rules, run through the modules compiled ahead of time: the same
// code the guide pages load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { checkerData } from '../../registry/page-data';
import { generatedDir, generateValidators } from '../../scripts/gen-validators';
import { loadValidators } from '../../src/checker/load';
import { blocking, validate } from '../../src/checker/validate';
import type { CheckerData, CheckerValues } from '../../src/checker/types';

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

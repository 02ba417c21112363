// The personal mailboxes in the registry, as the overview, the finder and the checker
// use them: each Chinese provider has its guide on this site, addresses find the right
// guide without the network, and the password rules follow what the provider hands out.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { locales, localize } from '../../registry/localize';
import { checkerData, finderData } from '../../registry/page-data';
import { domainOf, findOffline } from '../../src/checker/finder';
import { loadValidators } from '../../src/checker/load';
import { validate } from '../../src/checker/validate';
import type { CheckerData, CheckerValues } from '../../src/checker/types';
import type { Provider } from '../../registry/types';

const providers = loadRegistry();
const personal = providers.filter((p) => p.kind === 'personal');
const byId = (id: string) => providers.find((p) => p.id === id)!;

// Issue 9: the overview and the nine Chinese guides, at the live URLs.
const chineseGuides: [string, string][] = [
  ['aliyun-personal', '103-ali-aliyunyouxiang-ali-personal-email'],
  ['telecom-189', '104-dianxin-189youxiang-telecom-personal-mailbox'],
  ['sohu', '105-souhu-sohuyouxiang-sohu-personal-email'],
  ['qq', '106-tengxun-qqyouxiang-tencent-personal-email'],
  ['netease-163', '107-wangyi-163youxiang-netease-personal-email'],
  ['sina', '109-xinlang-sinayouxiang-sina-personal-email'],
  ['mobile-139', '110-yidong-139youxiang-china-mobile-personal-email'],
  ['telecom-21cn', '111-dianxin-21cnyouxiang-telecom-personal-mailbox'],
  ['mail88', '112-wanmei-88youxiang-perfect-personal-mailbox'],
];

/** Every reader-visible string of a provider, in both languages. */
function texts(p: Provider): string[] {
  const localized = (x: unknown): string[] =>
    x && typeof x === 'object' && 'zh-Hans' in x && 'en' in x ? [(x as Record<string, string>)['zh-Hans'], (x as Record<string, string>).en] : [];
  return [
    ...localized(p.names),
    ...p.serverSets.flatMap((s) => [...localized(s.label), ...localized(s.note)]),
    ...localized(p.credential.name),
    ...localized(p.credential.expiry),
    ...p.credential.prerequisites.flatMap((x) => localized(x.text)),
    ...p.errors.flatMap((e) => [...localized(e.meaning), ...localized(e.fix)]),
    ...p.pitfalls.flatMap((x) => [...localized(x.title), ...localized(x.consequence), ...localized(x.avoid)]),
    ...p.paths.flatMap((x) => x.steps.flatMap((s) => [...localized(s.label), ...localized(s.value)])),
  ];
}

describe('personal providers', () => {
  it.each(personal.map((p) => [p.id, p] as const))('%s says which group of the overview it belongs to', (_id, p) => {
    expect(p.region, 'region: "cn" or "global"').toMatch(/^(cn|global)$/);
  });

  it.each(chineseGuides)('%s has its guide on this site at /youxiang/%s, in the Chinese group', (id, slug) => {
    const p = byId(id);
    expect(p.guide).toMatchObject({ slug, hosted: true });
    expect(p.region).toBe('cn');
    expect(p.website, 'webmail address for the overview').toBeTruthy();
    expect(p.credential.anchor, 'the first-screen card links to how to get the password').toBeTruthy();
  });

  it.each(personal.map((p) => [p.id, p] as const))('%s shows readers no note on where a fact came from (that goes in source)', (_id, p) => {
    const provenance = /unverified|third[- ]party|not (been )?(re)?tested|sources? (say|disagree)|old guide|未核实|没有核实|尚未实测|第三方资料|说法不一|旧版指南/i;
    expect(texts(p).filter((t) => provenance.test(t))).toEqual([]);
  });

  it.each(personal.map((p) => [p.id, p] as const))('%s: a password the reader chose has no length or character rule (the checker would refuse it)', (_id, p) => {
    if (p.credential.kind === 'login-password' || p.credential.kind === 'client-password') {
      expect(p.credential.length).toBeUndefined();
      expect(p.credential.charset).toBeUndefined();
      expect(p.credential.hyphenated).toBeUndefined();
    }
  });

  it.each(personal.filter((p) => p.serverSets.some((s) => s.domains)).map((p) => [p.id, p] as const))(
    '%s: with per-domain server sets, each of its domains is served by exactly one set',
    (_id, p) => {
      for (const domain of p.emailDomains ?? []) {
        expect(p.serverSets.filter((s) => s.domains?.includes(domain)).map((s) => s.id), domain).toHaveLength(1);
      }
      for (const s of p.serverSets) for (const d of s.domains ?? []) expect(p.emailDomains, `${s.id} serves ${d}`).toContain(d);
    },
  );
});

describe('what each Chinese provider takes in the password field', () => {
  it.each([
    ['aliyun-personal', 'login-password', '登录密码'],
    ['telecom-189', 'login-password', '登录密码'],
    ['sohu', 'auth-code', '独立密码'],
    ['qq', 'auth-code', '授权码'],
    ['netease-163', 'auth-code', '客户端授权码'],
    ['sina', 'auth-code', '客户端授权码'],
    ['mobile-139', 'client-password', '客户端密码'],
    ['telecom-21cn', 'login-password', '登录密码'],
    ['mail88', 'app-password', '专用密码'],
  ])('%s: %s, named %s as on its own settings page', (id, kind, name) => {
    expect(byId(id).credential.kind).toBe(kind);
    expect(byId(id).credential.name['zh-Hans']).toBe(name);
  });

  it('Sohu shows its separate password only once', () => {
    expect(byId('sohu').credential.shownOnce).toBe(true);
  });

  it('完美邮箱 has its own hosts for 111.com and email.cn', () => {
    const hostsFor = (domain: string) => byId('mail88').serverSets.find((s) => s.domains?.includes(domain))!.servers.map((s) => s.host);
    expect(hostsFor('88.com')).toEqual(['imap.88.com', 'smtp.88.com']);
    expect(hostsFor('111.com')).toEqual(['imap.111.com', 'smtp.111.com']);
    expect(hostsFor('email.cn')).toEqual(['imap.email.cn', 'smtp.email.cn']);
    expect(byId('mail88').serverSets[0].role).toBe('recommended');
  });
});

describe('the guide finder, offline', () => {
  it.each([
    ['me@163.com', 'netease-163', '/youxiang/107-wangyi-163youxiang-netease-personal-email'],
    ['me@126.com', 'netease-163', '/youxiang/107-wangyi-163youxiang-netease-personal-email'],
    ['me@foxmail.com', 'qq', '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email'],
    ['me@qq.com', 'qq', '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email'],
    ['me@139.com', 'mobile-139', '/youxiang/110-yidong-139youxiang-china-mobile-personal-email'],
    ['Me@VIP.Sohu.com', 'sohu', '/youxiang/105-souhu-sohuyouxiang-sohu-personal-email'],
    ['me@email.cn', 'mail88', '/youxiang/112-wanmei-88youxiang-perfect-personal-mailbox'],
    ['me@fun.21cn.com', 'telecom-21cn', '/youxiang/111-dianxin-21cnyouxiang-telecom-personal-mailbox'],
  ])('sends %s to the %s guide on this site', (email, id, guide) => {
    for (const locale of locales) {
      const found = findOffline(finderData(providers, locale).entries, domainOf(email)!);
      expect(found?.id, locale).toBe(id);
      // A site path, not laifa.xin: <Link> adds /en for English readers.
      expect(found?.guide, locale).toBe(guide);
      expect(found?.name).toBe(localize(byId(id).names, locale));
    }
  });
});

describe('the checker', () => {
  const form = (overrides: Partial<CheckerValues>): CheckerValues => ({
    email: 'me@example.cn',
    password: '',
    imap: { host: 'imap.example.cn', port: '993', security: 'ssl' },
    smtp: { host: 'smtp.example.cn', port: '465', security: 'ssl' },
    ...overrides,
  });
  const rules = async (id: string, values: CheckerValues) =>
    validate(values, checkerData(byId(id), 'zh-Hans') as CheckerData, await loadValidators(id)).map((i) => `${i.field}:${i.rule}`);

  it('on an enterprise guide, sends a personal address to its guide on this site', async () => {
    const { personalDomains } = await loadValidators('netease');
    expect(personalDomains['qq.com'].guide).toBe('/youxiang/106-tengxun-qqyouxiang-tencent-personal-email');
    expect(personalDomains['139.com'].guide).toBe('/youxiang/110-yidong-139youxiang-china-mobile-personal-email');
    expect(personalDomains['126.com'].guide).toBe('/youxiang/107-wangyi-163youxiang-netease-personal-email');
  });

  it("takes 139's client password as the reader chose it, with any characters", async () => {
    const issues = await rules('mobile-139', form({ email: '13800000000@139.com', password: 'my own pass 1!', imap: { host: 'imap.139.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.139.com', port: '465', security: 'ssl' } }));
    expect(issues.filter((i) => i.startsWith('password'))).toEqual([]);
  });

  it("counts QQ's 16-character code", async () => {
    const issues = await rules('qq', form({ email: 'me@qq.com', password: 'abcd1234', imap: { host: 'imap.qq.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.qq.com', port: '465', security: 'ssl' } }));
    expect(issues).toContain('password:passwordLength');
  });

  it('knows the 111.com and email.cn hosts of 完美邮箱', async () => {
    const issues = await rules('mail88', form({ email: 'me@111.com', password: 'abcdEFGH1234ijkl', imap: { host: 'imap.111.com', port: '993', security: 'ssl' }, smtp: { host: 'smtp.email.cn', port: '465', security: 'ssl' } }));
    expect(issues.filter((i) => i.includes('HostKnown'))).toEqual([]);
  });
});

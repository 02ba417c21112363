// One true answer everywhere (issue 16): what the built pages tell a reader about Microsoft,
// QQ, Gmail and the other overseas providers, iCloud's port 465, IMAP ID, NetEase's page
// and the troubleshooting page, read from the production build in both languages.
import { describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProbeCodes, loadRegistry } from '../../registry/load';
import { troubleshootingSlug } from '../../registry/links';
import { locales, type Locale } from '../../registry/localize';
import { buildDir } from '../support/site';

const providers = loadRegistry();
const provider = (id: string) => providers.find((p) => p.id === id)!;
const slug = (id: string) => provider(id).guide.slug;
const prefix = (locale: Locale) => (locale === 'en' ? 'en' : '');
const parsed = new Map<string, CheerioAPI>();
const html = (locale: Locale, page: string): CheerioAPI => {
  const file = join(buildDir, prefix(locale), 'youxiang', `${page}.html`);
  if (!parsed.has(file)) parsed.set(file, load(readFileSync(file, 'utf8')));
  return parsed.get(file)!;
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (locale: Locale, page: string, selector = 'article') => norm(html(locale, page)(selector).text());
/** The text of a section: its heading and everything up to the next heading of the same or a higher level. */
function section(locale: Locale, page: string, id: string): string {
  const $ = html(locale, page);
  const heading = $(`[id="${id}"]`).filter((_, el) => /^h[2-4]$/.test(el.tagName)).first();
  const level = Number(heading.prop('tagName')!.slice(1));
  const stop = Array.from({ length: level }, (_, i) => `h${i + 1}`).join(',');
  return norm(`${heading.text()} ${heading.nextUntil(stop).text()}`);
}

describe.each(locales)('%s', (locale) => {
  const outlook = slug('outlook');
  const company = '200-qiyeyouxiang-enterprise-mailbox';

  it("108's first-screen card leads with \"can't bind with a password now\", then the reason, not a password to type", () => {
    const card = html(locale, outlook)('section[aria-labelledby="quick-setup-title"]');
    const bold = norm(card.find('dd strong').first().text());
    expect(bold).toBe(locale === 'en' ? 'No password can bind it now' : '现在不能用密码绑定');
    expect(norm(card.text())).toContain(provider('outlook').credential.blocked![locale]);
    expect(norm(card.text())).not.toContain(provider('outlook').credential.name[locale]);
  });

  it('Microsoft 365 on 200 and in 108\'s FAQ: no password binds, and the SMTP AUTH timeline as the registry has it', () => {
    const m365 = provider('microsoft365').credential;
    const onCompany = section(locale, company, 'microsoft-365');
    expect(onCompany).toContain(m365.blocked![locale]);
    for (const p of m365.prerequisites) expect(onCompany).toContain(p.text[locale]);
    expect(onCompany).toMatch(locale === 'en' ? /end of December 2026/ : /2026 年 12 月底/);
    const faq = section(locale, outlook, 'microsoft-365');
    expect(faq).not.toMatch(/不一定|仍然可以用|Not necessarily|can still work/);
    expect(onCompany).not.toMatch(/要同时满足两个条件|needs both of these/);
  });

  it('the troubleshooting page is written for the reader: no bare checker code before each entry, no note to support agents, the lookup for phones', () => {
    const $ = html(locale, troubleshootingSlug);
    const entries = $('[id^="provider-"] > div > p:not(:first-child)').map((_, el) => norm($(el).text())).get();
    expect(entries.length).toBeGreaterThan(20);
    for (const entry of entries) expect(entry).not.toMatch(/^[A-Z][A-Z_]{5,}\b/);
    const howTo = section(locale, troubleshootingSlug, 'how-to-use');
    expect(howTo).not.toMatch(/客服可以|support agent|页内查找|Find in page/);
  });

  it('Gmail: one rule for the spaces in an app password (remove them), and Google\'s own name for it in Chinese', () => {
    const pages = [slug('gmail'), '100-gerenyouxiang-personal-mailbox', troubleshootingSlug].map((p) => text(locale, p)).join(' ');
    expect(pages).not.toMatch(/去不去都行|去掉空格最稳妥|空格可以去掉|can stay or go|spaces is the safest|may be left out/);
    expect(section(locale, slug('gmail'), 'spaces')).toMatch(locale === 'en' ? /remove them/ : /去掉/);
    // 应用专用密码 does not contain 应用密码, so any hit is the shortened name.
    if (locale === 'zh-Hans') expect(text(locale, slug('gmail'))).not.toContain('应用密码');
  });

  it('overseas providers: Laifaxin connects through overseas nodes with no proxy; the obstacle is opening Google\'s pages', () => {
    const international = section(locale, '100-gerenyouxiang-personal-mailbox', 'international');
    expect(international).not.toMatch(/比较慢|can be slow/);
    expect(international).toMatch(locale === 'en' ? /no proxy/ : /不需要开代理/);
    expect(section(locale, slug('gmail'), 'before-you-start')).toMatch(locale === 'en' ? /mainland China/ : /中国大陆/);
  });

  it('QQ: leads with the newer 账号与安全 page, keeps the older path after it, and a new authorization code never means switching the service off', () => {
    const getCode = section(locale, slug('qq'), 'access-account-settings');
    expect(getCode.indexOf('账号与安全')).toBeGreaterThanOrEqual(0);
    expect(getCode.indexOf('账号与安全')).toBeLessThan(getCode.indexOf('账户'));
    const lost = section(locale, slug('qq'), 'lost-code');
    expect(lost).toContain('生成授权码');
    expect(lost).not.toMatch(/关掉再重新开启|off and on again, and verify/);
  });

  it("iCloud's port 465 is not offered as a safe fallback", () => {
    expect(section(locale, slug('icloud'), 'servers')).toMatch(locale === 'en' ? /no safe fallback/ : /不算稳妥的备选/);
  });

  it('NetEase Enterprise Mail says each fact once: the IP restriction in its section, the export question once', () => {
    const page = text(locale, '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox');
    const allowList = page.match(locale === 'en' ? /allow-list/g : /白名单/g) ?? [];
    expect(allowList.length).toBeLessThanOrEqual(1);
    const headings = html(locale, '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox')('h2, h3').map((_, el) => norm(html(locale, '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox')(el).text())).get();
    expect(headings.filter((h) => /外贸|export/i.test(h))).toHaveLength(1);
  });

  it('click paths read as a sentence, in the reader\'s language', () => {
    const paths = html(locale, outlook)('nav[data-nosearch] ol').map((_, el) => norm(html(locale, outlook)(el).text())).get().join(' ');
    expect(paths).not.toContain('=');
    expect(paths).toMatch(locale === 'en' ? /set\s*Let devices and apps use IMAP.*to\s*On/ : /把\s*允许设备和应用使用 IMAP\s*设为\s*开/);
    if (locale === 'zh-Hans') {
      for (const page of [outlook, slug('mailru')]) {
        const zh = html(locale, page)('nav[data-nosearch] ol').text();
        expect(zh).not.toMatch(/= On|设为\s*On(?!（)/);
      }
    }
  });
});

describe('zh-Hans wording', () => {
  const zhPages = readdirSync(join(buildDir, 'youxiang')).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));

  it('says 返回 for what a server answers, never 服务器会回', () => {
    for (const page of zhPages) expect(text('zh-Hans', page), page).not.toMatch(/服务器(会)?回(?!应)/);
  });

  it("calls Yahoo's credential 应用密码 in Simplified Chinese; 應用程式密碼 appears only as Yahoo's Traditional Chinese label", () => {
    expect(text('zh-Hans', slug('yahoo'))).not.toContain('应用程式密码');
    expect(text('zh-Hans', slug('yahoo'))).toContain('應用程式密碼');
  });

  it('the colour-mode toggle speaks Chinese on Chinese pages, in the served HTML and after hydration', () => {
    const $ = html('zh-Hans', slug('outlook'));
    expect($('button[title][aria-label^="切换浅色"]').attr('title')).toBe('跟随系统');
    // The Chinese bundle's translation of the mode, as the client renders it after hydration.
    const assets = join(buildDir, 'assets', 'js');
    const translated = readdirSync(assets)
      .filter((f) => f.startsWith('main.') && f.endsWith('.js'))
      .map((f) => /"theme\.colorToggle\.ariaLabel\.mode\.system":("[^"]*")/.exec(readFileSync(join(assets, f), 'utf8'))?.[1])
      .find(Boolean);
    expect(JSON.parse(translated!)).toBe('跟随系统');
  });
});

it('the IMAP ID entry says what is known: the checker sends ID, not that Laifaxin does', () => {
  const entry = loadProbeCodes().IMAP_ID_REQUIRED;
  expect(entry.fix['zh-Hans']).not.toContain('来发信会自动发送');
  expect(entry.fix.en).not.toMatch(/Laifaxin sends the ID/);
  expect(entry.fix['zh-Hans']).toContain('检查工具会发送 ID');
});

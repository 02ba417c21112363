// The personal overview and the Chinese personal guides in the production build of both
// locales: each at its chat-link URL in its language, its hosts rendered from the registry,
// and the pages that used to send readers to laifa.xin now linking here.
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { locales, type Locale } from '../../registry/localize';
import { buildDir } from '../support/site';

const providers = loadRegistry();
const overview = '100-gerenyouxiang-personal-mailbox';
const slugs = [
  overview,
  '103-ali-aliyunyouxiang-ali-personal-email',
  '104-dianxin-189youxiang-telecom-personal-mailbox',
  '105-souhu-sohuyouxiang-sohu-personal-email',
  '106-tengxun-qqyouxiang-tencent-personal-email',
  '107-wangyi-163youxiang-netease-personal-email',
  '109-xinlang-sinayouxiang-sina-personal-email',
  '110-yidong-139youxiang-china-mobile-personal-email',
  '111-dianxin-21cnyouxiang-telecom-personal-mailbox',
  '112-wanmei-88youxiang-perfect-personal-mailbox',
];
const guides = providers.filter((p) => p.guide.hosted && slugs.includes(p.guide.slug));

const prefix = (locale: Locale) => (locale === 'en' ? '/en' : '');
const file = (locale: Locale, rel: string) => join(buildDir, prefix(locale).slice(1), rel);
const html = (locale: Locale, rel: string): CheerioAPI => load(readFileSync(file(locale, rel), 'utf8'));
const page = (locale: Locale, slug: string) => html(locale, `youxiang/${slug}.html`);
const codes = ($: CheerioAPI, selector: string) => $(selector).find('code').map((_, el) => $(el).text()).get();

describe.each(locales)('%s', (locale) => {
  it.each(slugs)('serves /youxiang/%s in the page language', (slug) => {
    expect(existsSync(file(locale, `youxiang/${slug}.html`))).toBe(true);
    const $ = page(locale, slug);
    expect($('html').attr('lang')).toBe(locale);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://laifa.xin${prefix(locale)}/youxiang/${slug}`);
  });

  it('has a guide for each of the nine Chinese personal providers', () => {
    expect(guides.map((p) => p.id).sort()).toEqual(['aliyun-personal', 'mail88', 'mobile-139', 'netease-163', 'qq', 'sina', 'sohu', 'telecom-189', 'telecom-21cn']);
  });

  it.each(guides.map((p) => [p.guide.slug, p] as const))('/youxiang/%s shows its first servers with copy buttons on the first card', (slug, p) => {
    const $ = page(locale, slug);
    const card = $('section[aria-labelledby="quick-setup-title"]');
    for (const server of p.serverSets[0].servers) {
      expect(codes($, 'section[aria-labelledby="quick-setup-title"]')).toContain(server.host);
      expect(card.find(`button[aria-label$=" ${server.host}"]`).length, server.host).toBe(1);
    }
  });

  it('lists every Chinese provider on the overview, linking to its guide on this site, then the international ones', () => {
    const $ = page(locale, overview);
    const china = $('#china').nextUntil('h2').find('[id^="provider-"]');
    expect(china.map((_, el) => $(el).attr('id')).get().sort()).toEqual(guides.map((p) => `provider-${p.id}`).sort());
    for (const p of guides) {
      const card = $(`#provider-${p.id}`);
      expect(card.find('a').first().attr('href'), p.id).toBe(`${prefix(locale)}/youxiang/${p.guide.slug}`);
      for (const d of p.emailDomains ?? []) expect(card.text(), p.id).toContain(`@${d}`);
    }
    const international = $('#international').nextUntil('h2').find('[id^="provider-"]');
    expect(international.length).toBeGreaterThan(0);
    for (const el of international.toArray()) {
      const id = $(el).attr('id')!.slice('provider-'.length);
      expect(providers.find((p) => p.id === id)?.region, id).toBe('global');
    }
  });

  it('the overview has the guide finder', () => {
    const $ = page(locale, overview);
    // In the heading's section; the text around the finder sits in static runs (plugins/rehype-islands.ts).
    expect($('#finder').closest('section').find('form input[type="email"]').length).toBe(1);
  });

  it('says on the 完美邮箱 card which domain its servers are for', () => {
    const card = page(locale, overview)('#provider-mail88');
    expect(card.text()).toContain('@88.com');
    expect(card.find('p').last().text()).toMatch(/@88\.com/);
  });

  it('lists all three 完美邮箱 server sets on its guide', () => {
    const $ = page(locale, '112-wanmei-88youxiang-perfect-personal-mailbox');
    for (const set of ['mail-88', 'mail-111', 'email-cn']) expect($(`#set-${set}`).length, set).toBe(1);
    expect(codes($, '#set-mail-111')).toContain('imap.111.com');
    expect(codes($, '#set-email-cn')).toContain('smtp.email.cn');
  });

  it.each([
    ['youxiang/200-qiyeyouxiang-enterprise-mailbox.html', 'article'],
    ['youxiang/300-bangding-cuowu-mailbox-binding-errors.html', 'article'],
    ['index.html', 'main'],
  ])('%s links the personal overview on this site, in the same language', (rel, container) => {
    const $ = html(locale, rel);
    const links = $(container).find('a[href*="100-gerenyouxiang-personal-mailbox"]').map((_, el) => $(el).attr('href')).get();
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href.replace(/#.*$/, '')).toBe(`${prefix(locale)}/youxiang/${overview}`);
  });

  it('puts a personal-mailbox category, opening on the overview, in the sidebar and the navbar', () => {
    const $ = page(locale, '106-tengxun-qqyouxiang-tencent-personal-email');
    const href = `${prefix(locale)}/youxiang/${overview}`;
    expect($('nav.navbar a.navbar__item').map((_, el) => $(el).attr('href')).get()).toContain(href);
    const category = $('.theme-doc-sidebar-item-category > .menu__list-item-collapsible > a').filter((_, el) => $(el).attr('href') === href);
    expect(category.length).toBe(1);
    const items = category.closest('li').find('ul a').map((_, el) => $(el).attr('href')).get();
    for (const p of guides) expect(items).toContain(`${prefix(locale)}/youxiang/${p.guide.slug}`);
  });
});

// Renders one 1200×630 preview-card PNG per guide and locale with Debian's chromium,
// from each page's front matter title and description, into static/img/cards/<locale>/.
// Run after adding a page or changing its title: `npx tsx scripts/gen-cards.ts`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { docsDirs, listPages } from '../tests/support/pages';
import { locales, type Locale } from '../registry/localize';

export const cardsDir = join(__dirname, '..', 'static', 'img', 'cards');

function frontMatter(source: string, key: string): string {
  const block = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const raw = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(block)?.[1]?.trim() ?? '';
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cardHtml(locale: Locale, title: string, description: string): string {
  const brand = locale === 'en' ? 'Laifaxin · Mailbox setup guides' : '来发信 · 邮箱绑定指南';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><style>
    body { margin: 0; width: 1200px; height: 630px; font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif;
      background: #0b5cad; color: #fff; display: flex; flex-direction: column; justify-content: space-between; box-sizing: border-box; padding: 72px 80px; }
    h1 { font-size: 64px; line-height: 1.2; margin: 0 0 28px; }
    p { font-size: 32px; line-height: 1.45; margin: 0; opacity: .92; }
    footer { font-size: 30px; font-weight: 700; opacity: .9; }
  </style></head><body><div><h1>${escapeHtml(title)}</h1><p>${escapeHtml(description)}</p></div><footer>${brand}</footer></body></html>`;
}

async function main() {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  let count = 0;
  for (const locale of locales) {
    mkdirSync(join(cardsDir, locale), { recursive: true });
    for (const rel of listPages(locale).filter((p) => p.startsWith('youxiang/'))) {
      const source = readFileSync(join(docsDirs[locale], rel), 'utf8');
      const slug = rel.slice('youxiang/'.length).replace(/\.mdx?$/, '');
      await page.setContent(cardHtml(locale, frontMatter(source, 'title'), frontMatter(source, 'description')));
      await page.screenshot({ path: join(cardsDir, locale, `${slug}.png`) });
      count++;
    }
  }
  await browser.close();
  console.log(`wrote ${count} cards to ${cardsDir}`);
}

if (require.main === module) void main();

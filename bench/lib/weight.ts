// What a phone actually downloads for a page: every script and stylesheet chromium fetched,
// with the bytes on the wire (compressed body) and the gzip -9 size of the same file on disk,
// at two moments: the first load (hydrated and the network quiet, as tests/site/budgets.test.ts
// counts it; the load event no longer marks it, since the bundle starts after the first paint)
// and after the reader scrolled to the end (which is when lazy widgets such as the checker load).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';
import { phoneViewport } from '../../tests/support/browser';

export interface Asset {
  path: string;
  kind: 'js' | 'css';
  encoding: string;
  wireBytes: number;
  rawBytes: number;
  gzip9Bytes: number;
}

export interface PhaseTotals {
  jsWire: number;
  jsGzip9: number;
  jsRaw: number;
  cssWire: number;
  cssGzip9: number;
  requests: number;
}

export interface PageWeight {
  url: string;
  assets: Record<'firstLoad' | 'scrolled', Asset[]>;
  totals: Record<'firstLoad' | 'scrolled', PhaseTotals>;
}

function totals(assets: Asset[]): PhaseTotals {
  const sum = (kind: Asset['kind'], key: 'wireBytes' | 'gzip9Bytes' | 'rawBytes') =>
    assets.filter((a) => a.kind === kind).reduce((n, a) => n + a[key], 0);
  return {
    jsWire: sum('js', 'wireBytes'),
    jsGzip9: sum('js', 'gzip9Bytes'),
    jsRaw: sum('js', 'rawBytes'),
    cssWire: sum('css', 'wireBytes'),
    cssGzip9: sum('css', 'gzip9Bytes'),
    requests: assets.length,
  };
}

export async function measureWeight(browser: Browser, origin: string, path: string, buildDir: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const seen: Asset[] = [];
  const pending: Promise<void>[] = [];
  const record = async (request: Request) => {
    const type = request.resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const response = await request.response();
    if (!response) return;
    const { pathname } = new URL(request.url());
    const sizes = await request.sizes();
    const onDisk = readFileSync(join(buildDir, pathname));
    seen.push({
      path: pathname,
      kind: type === 'script' ? 'js' : 'css',
      encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
      wireBytes: sizes.responseBodySize,
      rawBytes: onDisk.length,
      gzip9Bytes: gzipSync(onDisk, { level: 9 }).length,
    });
  };
  page.on('requestfinished', (request) => pending.push(record(request)));
  const snapshot = async () => {
    await Promise.all(pending);
    return [...seen].sort((a, b) => a.path.localeCompare(b.path));
  };

  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  const firstLoad = await snapshot();
  // Scroll in screen-sized steps, as a reader would, so viewport-triggered lazy loading fires.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += phoneViewport.height) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const scrolled = await snapshot();
  await context.close();
  return {
    url: path,
    assets: { firstLoad, scrolled },
    totals: { firstLoad: totals(firstLoad), scrolled: totals(scrolled) },
  };
}

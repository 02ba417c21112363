// First-load JavaScript of a page, measured in the browser: every script the page fetches
// before the network goes quiet, without scrolling, summed as gzip would send it.
//   npx tsx scripts/measure-first-load.ts [build dir] [path]
// The checker's own chunks must not be in that list: they load when the reader reaches it.
import { gzipSync } from 'node:zlib';
import { launchBrowser, phoneViewport } from '../tests/support/browser';
import { startSite } from '../tests/support/serve';

export interface FirstLoad {
  files: { url: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

export async function measureFirstLoad(origin: string, path: string): Promise<FirstLoad> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: phoneViewport });
    const bodies: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.push(response.body().then((b) => ({ url: new URL(response.url()).pathname, raw: b.length, gzip: gzipSync(b, { level: 9 }).length }), () => null));
    });
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    const files = (await Promise.all(bodies)).filter((f) => f !== null);
    return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const [siteDir = 'build', path = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox'] = process.argv.slice(2);
  void (async () => {
    const site = await startSite({ SITE_DIR: siteDir });
    try {
      const result = await measureFirstLoad(site.origin, path);
      for (const f of result.files) console.log(`${String(f.gzip).padStart(8)} ${String(f.raw).padStart(8)}  ${f.url}`);
      console.log(`${String(result.gzip).padStart(8)} ${String(result.raw).padStart(8)}  total gzip / raw bytes, ${result.files.length} scripts`);
    } finally {
      await site.stop();
    }
  })();
}

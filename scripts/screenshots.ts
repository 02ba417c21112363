// Screenshots of pages as a phone reader sees them, for looking at what was built:
//   npx tsx scripts/screenshots.ts [--full | --element SELECTOR] [--no-script] [--out DIR] [--images PNG,PNG] PATH...
// --no-script: as an in-app browser that runs no JavaScript shows the page (files end in -noscript).
// Serves build/ with the project's own server, opens each path at 360 and 390 px wide in
// Debian's chromium, in both locales (a path is taken as zh-Hans; /en is added for English),
// and writes DIR/<name>-<locale>-<width>.png (DIR defaults to /tmp/screenshots). The image host
// is unreachable from here: its requests get the given PNGs in turn (default: the tests'
// stand-ins), and every screenshot on the page is loaded before the picture is taken.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, waitForHydration } from '../tests/support/browser';
import { serveStandInImages } from '../tests/support/image-host';
import { startSite } from '../tests/support/serve';

const args = process.argv.slice(2);
const full = args.includes('--full');
const noScript = args.includes('--no-script');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : '/tmp/screenshots';
const elementIndex = args.indexOf('--element');
const element = elementIndex >= 0 ? args[elementIndex + 1] : undefined;
const imagesIndex = args.indexOf('--images');
const images = imagesIndex >= 0 ? args[imagesIndex + 1].split(',') : undefined;
const paths = args.filter((a, i) => !a.startsWith('--') && !['--out', '--element', '--images'].includes(args[i - 1]));

async function main() {
  mkdirSync(out, { recursive: true });
  const site = await startSite();
  const browser = await launchBrowser();
  try {
    for (const path of paths) {
      for (const [locale, prefix] of [['zh-Hans', ''], ['en', '/en']] as const) {
        for (const width of [360, 390]) {
          const page = await browser.newPage({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, javaScriptEnabled: !noScript });
          await serveStandInImages(page, images);
          await page.goto(`${site.origin}${prefix}${path}`, { waitUntil: 'load' });
          // Without scripts the browser loads lazy images at once; with them, load every one now.
          if (!noScript) {
            await waitForHydration(page);
            await page.evaluate(() =>
              Promise.all(
                Array.from(document.querySelectorAll<HTMLImageElement>('article img')).map((img) => {
                  img.loading = 'eager';
                  return img.decode().catch(() => undefined);
                }),
              ),
            );
          }
          const name = path.replace(/^\/+/, '').replace(/[/#?]+/g, '_').slice(0, 60) || 'home';
          const file = join(out, `${name}-${locale}-${width}${noScript ? '-noscript' : ''}.png`);
          if (element) await page.locator(element).first().screenshot({ path: file });
          else await page.screenshot({ path: file, fullPage: full });
          console.log(file);
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// `npm run bench`: every figure of issue 4 in one run, written to bench/results/<date>.json and
// into the tables of BENCHMARKS.md. Not part of `npm test`: it takes minutes and measures time.
//   npm run bench                       build, pages, Lighthouse (5 runs), probe
//   npm run bench -- --skip=build       reuse the last bench build in $BENCH_OUT/youxiang-bench
//   npm run bench -- --only=probe
//   npm run bench -- --only=pages,lighthouse --pages=netease-zh,baseline --runs=3
//   BENCH_SITE_DIR=/tmp/snapshot npm run bench   build a clean snapshot instead of the working tree
//   npm run bench -- --cpu-slowdown=6.5          Lighthouse with a harsher CPU slowdown than the preset's 4×
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, launchBrowser } from '../tests/support/browser';
import { root } from '../tests/support/site';
import { buildSite, type BuildFigures } from './lib/build';
import { lighthouse, type LighthouseSummary } from './lib/lighthouse';
import { startSite } from '../tests/support/serve';
import { measureWeight, type PageWeight } from './lib/weight';
import { fixtureDir, fixtureOut, pages, siteOut } from './pages';
import { benchProbe, type ProbeFigures } from './probe';
import { updateBenchmarks } from './report';

const SECTIONS = ['build', 'pages', 'lighthouse', 'probe'] as const;
type Section = (typeof SECTIONS)[number];

function options() {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const list = (v: string | undefined) => (v ? (v.split(',') as Section[]) : undefined);
  const only = list(arg('only'));
  const skip = list(arg('skip')) ?? [];
  return {
    sections: new Set(SECTIONS.filter((s) => (only ? only.includes(s) : !skip.includes(s)))),
    runs: Number(arg('runs') ?? 5),
    pageIds: arg('pages')?.split(','),
    cpuSlowdown: arg('cpu-slowdown') ? Number(arg('cpu-slowdown')) : undefined,
  };
}

export interface PageResult {
  id: string;
  label: string;
  path: string;
  weight?: PageWeight;
  lighthouse?: LighthouseSummary;
  lighthouseError?: string;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memBytes: number; node: string; chromium: string; docusaurus: string };
  build?: { site: BuildFigures; fixture: BuildFigures };
  pages?: PageResult[];
  probe?: ProbeFigures;
}

function machine(): BenchResult['machine'] {
  const docusaurus = JSON.parse(readFileSync(join(root, 'node_modules', '@docusaurus', 'core', 'package.json'), 'utf8')) as { version: string };
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memBytes: totalmem(),
    node: process.version,
    chromium: execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    docusaurus: docusaurus.version,
  };
}

async function main() {
  const { sections, runs, pageIds, cpuSlowdown } = options();
  const result: BenchResult = { date: new Date().toISOString(), machine: machine() };
  const log = (line: string) => console.log(`[bench] ${line}`);

  if (sections.has('build')) {
    log('building the site (both locales) …');
    // BENCH_SITE_DIR builds a snapshot (e.g. `git archive HEAD`) when the working tree is mid-edit.
    const site = await buildSite('site', process.env.BENCH_SITE_DIR ?? root, siteOut);
    log(`site: ${site.wallMs} ms, peak ${Math.round(site.peakRssBytes / 2 ** 20)} MiB`);
    const fixture = await buildSite('fixture', fixtureDir, fixtureOut);
    log(`fixture: ${fixture.wallMs} ms, peak ${Math.round(fixture.peakRssBytes / 2 ** 20)} MiB`);
    result.build = { site, fixture };
  }

  if (sections.has('pages') || sections.has('lighthouse')) {
    for (const dir of [siteOut, fixtureOut]) {
      if (!existsSync(dir)) throw new Error(`${dir} is missing: run the bench without --skip=build first`);
    }
    // Both builds through the project's production server, so both get the same compression.
    const served = { site: await startSite({ SITE_DIR: siteOut }), fixture: await startSite({ SITE_DIR: fixtureOut }) };
    const browser = await launchBrowser();
    try {
      result.pages = [];
      for (const page of pages.filter((p) => !pageIds || pageIds.includes(p.id))) {
        const origin = served[page.build].origin;
        const entry: PageResult = { id: page.id, label: page.label, path: page.path };
        if (sections.has('pages')) {
          entry.weight = await measureWeight(browser, origin, page.path, page.build === 'site' ? siteOut : fixtureOut);
          log(`${page.id}: JS on first load ${entry.weight.totals.firstLoad.jsWire} B on the wire`);
        }
        if (sections.has('lighthouse')) {
          // One page Lighthouse cannot load must not cost the figures of the others.
          try {
            entry.lighthouse = await lighthouse(origin + page.path, runs, cpuSlowdown);
            log(`${page.id}: Lighthouse median ${JSON.stringify(entry.lighthouse.median.scores)}`);
          } catch (error) {
            entry.lighthouseError = String(error);
            log(`${page.id}: Lighthouse failed: ${entry.lighthouseError}`);
          }
        }
        result.pages.push(entry);
      }
    } finally {
      await browser.close();
      await served.site.stop();
      await served.fixture.stop();
    }
  }

  if (sections.has('probe')) {
    log('probe: floor, endpoint, four servers, load …');
    result.probe = await benchProbe(log);
  }

  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${result.date.slice(0, 10)}.json`);
  // A partial run (--only/--skip) keeps the same day's other sections and, per page, the
  // figures it did not measure (weights from one run, Lighthouse from another), so the file stays whole.
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult) : undefined;
  const merged: BenchResult = { ...previous, ...result };
  if (previous?.pages && result.pages) {
    merged.pages = pages
      .map((p) => {
        const before = previous.pages!.find((r) => r.id === p.id);
        const now = result.pages!.find((r) => r.id === p.id);
        return before || now ? ({ ...before, ...now } as PageResult) : undefined;
      })
      .filter((p): p is PageResult => p !== undefined);
  }
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  updateBenchmarks(join(root, 'BENCHMARKS.md'), merged);
  log(`wrote ${file} and BENCHMARKS.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// Lighthouse 12.2.3 (the last line that runs on Node 20) in its default mobile preset with
// simulated throttling, against Debian's chromium. Each run is a fresh browser; the median of
// the runs is reported per figure, because scores on a shared two-core machine wander.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../tests/support/browser';
import { root } from '../../tests/support/site';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
} as const;

export type Scores = Record<(typeof CATEGORIES)[number], number>;
export type Metrics = Record<keyof typeof METRICS, number>;

export interface LighthouseRun {
  scores: Scores;
  metrics: Metrics;
  benchmarkIndex: number;
  /** Audits below full marks outside performance: what keeps a category from 100. */
  failing: string[];
}

export interface LighthouseSummary {
  runs: LighthouseRun[];
  median: { scores: Scores; metrics: Metrics; benchmarkIndex: number };
  failing: string[];
  settings: Record<string, unknown>;
  version: string;
}

interface Lhr {
  lighthouseVersion: string;
  environment: { benchmarkIndex: number };
  configSettings: Record<string, unknown>;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
}

function runOnce(url: string, outDir: string, n: number | string, cpuSlowdown?: number): Promise<Lhr> {
  const output = join(outDir, `run-${n}.json`);
  const args = [
    join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking',
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    // The preset slows the CPU 4×, calibrated for a machine with a benchmarkIndex near 1000–1500;
    // on a faster machine every page scores high and the differences vanish (BENCHMARKS.md).
    ...(cpuSlowdown ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromiumPath },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code} for ${url}`));
      resolve(JSON.parse(readFileSync(output, 'utf8')) as Lhr);
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(lhr: Lhr): LighthouseRun {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Scores;
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? Number.NaN]),
  ) as Metrics;
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    lhr.categories[c].auditRefs
      .filter((ref) => ref.weight > 0)
      .filter((ref) => {
        const audit = lhr.audits[ref.id];
        return audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric' ? (audit.score ?? 1) < 1 : false;
      })
      .map((ref) => `${c}:${ref.id}`),
  );
  return { scores, metrics, benchmarkIndex: lhr.environment.benchmarkIndex, failing };
}

/** One page at one CPU setting (undefined: the preset's 4×). */
export interface Target {
  key: string;
  url: string;
  cpuSlowdown?: number;
}

/**
 * `runs` rounds, each one run of every target in turn, so ours, its scripts-off twin and the
 * stock page meet the same moments of a shared machine; the median per target.
 * A target that fails three times in a row is reported as an error, without its figures.
 */
export async function lighthouseInterleaved(targets: Target[], runs: number, log: (line: string) => void): Promise<Map<string, LighthouseSummary | Error>> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const lhrs = new Map<string, Lhr[]>(targets.map((t) => [t.key, []]));
  const failed = new Map<string, Error>();
  try {
    for (let n = 0; n < runs; n += 1) {
      for (const target of targets.filter((t) => !failed.has(t.key))) {
        // A run can die on a transient browser error on this shared machine; retry it, bounded.
        for (let attempt = 1; ; attempt += 1) {
          try {
            lhrs.get(target.key)!.push(await runOnce(target.url, outDir, `${target.key}-${n}`, target.cpuSlowdown));
            break;
          } catch (error) {
            if (attempt === 3) {
              failed.set(target.key, error as Error);
              break;
            }
          }
        }
      }
      log(`Lighthouse round ${n + 1} of ${runs} done`);
    }
    return new Map(targets.map((t) => [t.key, failed.get(t.key) ?? summariseRuns(lhrs.get(t.key)!)]));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The median of each figure over several runs of one page at one setting. */
export function summariseRuns(lhrs: Lhr[]): LighthouseSummary {
  const summaries = lhrs.map(summarise);
  const pick = <T extends Record<string, number>>(get: (r: LighthouseRun) => T): T => {
    const keys = Object.keys(get(summaries[0]));
    return Object.fromEntries(keys.map((k) => [k, median(summaries.map((r) => get(r)[k]))])) as T;
  };
  const { throttlingMethod, throttling, formFactor, screenEmulation, emulatedUserAgent } = lhrs[0].configSettings;
  return {
    runs: summaries,
    median: {
      scores: pick((r) => r.scores),
      metrics: pick((r) => r.metrics),
      benchmarkIndex: median(summaries.map((r) => r.benchmarkIndex)),
    },
    failing: [...new Set(summaries.flatMap((r) => r.failing))].sort(),
    settings: { formFactor, throttlingMethod, throttling, screenEmulation, emulatedUserAgent },
    version: lhrs[0].lighthouseVersion,
  };
}

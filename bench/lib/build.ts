// The production build of both locales, timed and with the peak memory of its process tree,
// written to a directory of its own so a benchmark never rebuilds the build/ that tests read.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { precompress, type PrecompressSummary } from '../../scripts/precompress';
import { root } from '../../tests/support/site';
import { runMeasured } from './process';

export interface BuildFigures {
  site: string;
  wallMs: number;
  peakRssBytes: number;
  precompress: PrecompressSummary;
}

const docusaurus = join(root, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

export async function buildSite(site: string, siteDir: string, outDir: string): Promise<BuildFigures> {
  rmSync(outDir, { recursive: true, force: true });
  const measured = await runMeasured(process.execPath, [docusaurus, 'build', '--out-dir', outDir], {
    cwd: siteDir,
    env: { ...process.env, NODE_ENV: 'production' },
    quiet: true,
  });
  if (measured.exitCode !== 0) throw new Error(`docusaurus build of ${site} exited with ${measured.exitCode}`);
  return { site, wallMs: measured.wallMs, peakRssBytes: measured.peakRssBytes, precompress: precompress(outDir) };
}

// Runs a command and records its wall time and the peak resident memory of its whole process
// tree (summed over live descendants at each sample), because a build spreads over workers
// that GNU time's per-process maximum would not add up.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const SAMPLE_MS = 100;

interface ProcStat {
  ppid: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is parenthesised and may contain spaces; fields after it are fixed.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return undefined;
  }
}

/** Resident bytes of `root` and every process descending from it, right now. */
export function treeRss(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!inTree.has(pid) && inTree.has(stat.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of inTree) total += stats.get(pid)?.rssBytes ?? 0;
  return total;
}

/** Samples a live process tree until stopped; returns the peak. */
export function sampleTree(root: number): () => number {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

export interface Measured {
  wallMs: number;
  peakRssBytes: number;
  exitCode: number | null;
}

export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
    });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    const stop = sampleTree(child.pid);
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      resolve({ wallMs: Math.round(performance.now() - started), peakRssBytes: stop(), exitCode });
    });
  });
}

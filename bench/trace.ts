// Main-thread work of one page load, from chromium's performance trace: the long tasks (over
// 50 ms) and what fills them, at a CPU slowdown, on a phone viewport. Lighthouse's scores move
// with whatever else runs on a shared machine; task counts and the share of each task spent in
// script, style or layout move much less, so a change to hydration can be compared before and
// after on a busy machine.
//   npx tsx bench/trace.ts [--cpu-slowdown=6] [--runs=3] [--build=build] /youxiang/<slug> …
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, phoneViewport } from '../tests/support/browser';
import { root } from '../tests/support/site';
import { median } from './lib/lighthouse';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } } }

export interface TaskSummary {
  /** When the task started, in ms after navigation start. */
  at: number;
  ms: number;
  /** The longest pieces of work inside the task, e.g. `FunctionCall main.js 310 ms`. */
  parts: string[];
}

export interface TraceSummary {
  path: string;
  cpuSlowdown: number;
  longTasks: TaskSummary[];
  /** Sum over tasks after the first contentful paint of the time each spends beyond 50 ms (Lighthouse's TBT, measured, not simulated). */
  blockingMs: number;
  fcpMs: number;
  /** Main-thread time from navigation until hydration has ended and the network is quiet: all tasks, and the outermost script pieces. */
  busyMs: number;
  scriptMs: number;
  /** The same in thread CPU time, which other processes on a busy machine barely move. */
  busyCpuMs: number;
  scriptCpuMs: number;
  /** Elements of the guide's body that React hydrated (they carry a fiber). */
  hydratedElements: number;
  bodyElements: number;
}

const OWN = ['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'ScheduleStyleRecalculation'];

function label(event: TraceEvent): string {
  const url = event.args?.data?.url;
  const file = url ? url.split('/').pop()?.split('?')[0] : undefined;
  return [event.name, event.args?.data?.functionName || undefined, file || undefined].filter(Boolean).join(' ');
}

function fileFor(buildDir: string, pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '');
  return [clean, `${clean}.html`, join(clean, 'index.html')]
    .map((p) => join(buildDir, p))
    .find((p) => p.startsWith(buildDir) && existsSync(p) && statSync(p).isFile());
}

export async function traceOnce(buildDir: string, path: string, cpuSlowdown: number): Promise<TraceSummary> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.route('http://trace.test/**', async (route) => {
      const file = fileFor(buildDir, new URL(route.request().url()).pathname);
      await (file ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: '' }));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
    await page.goto(`http://trace.test${path}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    const counts = await page.evaluate(() => {
      const body = Array.from(document.querySelectorAll('.theme-doc-markdown *'));
      return { bodyElements: body.length, hydratedElements: body.filter((e) => Object.keys(e).some((k) => k.startsWith('__reactFiber$'))).length };
    });
    const buffer = await browser.stopTracing();
    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
    if (!main) throw new Error('no renderer main thread in the trace');
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
    const start = events.find((e) => e.pid === main.pid && e.name === 'navigationStart')?.ts ?? Math.min(...onMain.map((e) => e.ts));
    const fcp = events.find((e) => e.pid === main.pid && e.name === 'firstContentfulPaint');
    const tasks = onMain.filter((e) => e.name === 'RunTask');
    const long = tasks.filter((t) => t.dur! > 50_000);
    const summarise = (task: TraceEvent): TaskSummary => {
      const inside = onMain.filter((e) => OWN.includes(e.name) && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
      // Outermost pieces only: a FunctionCall inside an EvaluateScript is part of it.
      const outer = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
      const parts = outer
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 3)
        .map((e) => `${label(e)} ${Math.round(e.dur! / 1000)} ms (CPU ${Math.round((e.tdur ?? 0) / 1000)})`);
      return { at: Math.round((task.ts - start) / 1000), ms: Math.round(task.dur! / 1000), parts };
    };
    const fcpTs = fcp?.ts ?? start;
    const scripts = onMain.filter((e) => ['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'].includes(e.name));
    const outerScripts = scripts.filter((e) => !scripts.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
    return {
      path,
      cpuSlowdown,
      longTasks: long.map(summarise),
      blockingMs: Math.round(tasks.filter((t) => t.ts >= fcpTs).reduce((sum, t) => sum + Math.max(0, t.dur! / 1000 - 50), 0)),
      fcpMs: Math.round((fcpTs - start) / 1000),
      busyMs: Math.round(tasks.reduce((sum, t) => sum + t.dur!, 0) / 1000),
      scriptMs: Math.round(outerScripts.reduce((sum, e) => sum + e.dur!, 0) / 1000),
      busyCpuMs: Math.round(tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000),
      scriptCpuMs: Math.round(outerScripts.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000),
      ...counts,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const cpuSlowdown = Number(arg('cpu-slowdown') ?? 6);
  const runs = Number(arg('runs') ?? 3);
  const buildDir = resolve(root, arg('build') ?? 'build');
  const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const path of paths) {
    const results: TraceSummary[] = [];
    for (let n = 0; n < runs; n += 1) results.push(await traceOnce(buildDir, path, cpuSlowdown));
    const first = results[0];
    console.log(`${path} at ${cpuSlowdown}× CPU, ${runs} runs, ${buildDir}`);
    console.log(`  hydrated elements in the body: ${first.hydratedElements} of ${first.bodyElements}`);
    console.log(`  main thread busy (median): ${median(results.map((r) => r.busyMs))} ms, of which script ${median(results.map((r) => r.scriptMs))} ms; CPU time ${median(results.map((r) => r.busyCpuMs))} ms, script ${median(results.map((r) => r.scriptCpuMs))} ms`);
    console.log(`  long tasks per run: ${results.map((r) => r.longTasks.length).join(', ')}; blocking after FCP (median): ${median(results.map((r) => r.blockingMs))} ms; FCP ${results.map((r) => r.fcpMs).join(', ')} ms`);
    for (const [i, r] of results.entries()) {
      for (const task of [...r.longTasks].sort((a, b) => b.ms - a.ms).slice(0, 4)) console.log(`  run ${i + 1}: ${task.ms} ms at ${task.at} ms: ${task.parts.join('; ')}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'trace.ts')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

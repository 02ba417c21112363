// The pages measured, each against the build it comes from. The stock fixture is the baseline.
import { join } from 'node:path';
import { root } from '../tests/support/site';

export const benchOut = join(process.env.BENCH_OUT ?? '/tmp', 'youxiang-bench');
export const siteOut = join(benchOut, 'site');
export const fixtureOut = join(benchOut, 'fixture');
/** The site build with every page's scripts removed (bench/lib/scripts-off.ts): the ceiling for its content. */
export const scriptsOffOut = join(benchOut, 'site-scripts-off');
export const fixtureDir = join(root, 'bench', 'fixture-site');

export interface BenchPage {
  id: string;
  label: string;
  path: string;
  build: 'site' | 'fixture' | 'scripts-off';
}

const NETEASE = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';

const ours: BenchPage[] = [
  { id: 'netease-zh', label: 'NetEase guide (zh)', path: NETEASE, build: 'site' },
  { id: 'netease-en', label: 'NetEase guide (en)', path: `/en${NETEASE}`, build: 'site' },
  { id: 'overview-zh', label: 'Overview (zh)', path: '/youxiang/200-qiyeyouxiang-enterprise-mailbox', build: 'site' },
  { id: 'personal-overview-zh', label: 'Personal overview (zh)', path: '/youxiang/100-gerenyouxiang-personal-mailbox', build: 'site' },
  { id: 'qq-zh', label: 'QQ Mail guide (zh)', path: '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email', build: 'site' },
  { id: 'errors-zh', label: 'Troubleshooting (zh)', path: '/youxiang/300-bangding-cuowu-mailbox-binding-errors', build: 'site' },
];

// Each page of ours beside its scripts-off twin, then the stock page: one run measures all three.
export const pages: BenchPage[] = [
  ...ours.flatMap((p) => [p, { ...p, id: `${p.id}-noscript`, label: `${p.label}, scripts off`, build: 'scripts-off' as const }]),
  { id: 'baseline', label: 'Stock Docusaurus docs page', path: '/docs/intro', build: 'fixture' },
];

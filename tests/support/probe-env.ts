/**
 * Options for probing the loopback test servers in-process: loopback allowed, only the
 * given ports, the test CA trusted on top of the system store, the registry and
 * catalogue loaded from data/.
 */
import { loadCatalogue } from '../../probe/catalogue';
import type { ProbeOptions } from '../../probe/probe';
import { loadRegistry } from '../../registry/load';

const providers = loadRegistry();
const catalogue = loadCatalogue();

export function testProbeOptions(overrides: Partial<ProbeOptions> & { ports: number[]; ca?: string }): ProbeOptions {
  const { ports, ca, ...rest } = overrides;
  return {
    email: 'sales@company.test',
    lang: 'en',
    providers,
    catalogue,
    policy: { allowLoopback: true, ports },
    extraCa: ca ? [ca] : undefined,
    deadlineMs: 5_000,
    ...rest,
  };
}

import type { CheckerData, ProbeResult } from './types';

// Failures that another server set can cure: the recommended hosts cannot be reached or
// do not serve this domain. A wrong password or an admin's IP rule fails on every set.
const curableByBackup = new Set([
  'DNS_NOT_FOUND',
  'DNS_FAILED',
  'TCP_REFUSED',
  'TCP_TIMEOUT',
  'TLS_FAILED',
  'TLS_CERT_EXPIRED',
  'TLS_CERT_UNTRUSTED',
  'TLS_HOSTNAME_MISMATCH',
  'GREETING_TIMEOUT',
  'CONNECTION_CLOSED',
  'TIMEOUT',
  'AUTH_DOMAIN_NOT_HOSTED',
]);

/** The backup set to offer when the recommended set failed in a way it can fix, else null. */
export function backupSuggestion(data: CheckerData, setId: string | null, results: ProbeResult[]): CheckerData['sets'][number] | null {
  const current = data.sets.find((s) => s.id === setId);
  if (!current || current.role !== 'recommended') return null;
  const backup = data.sets.find((s) => s.role === 'backup');
  if (!backup) return null;
  return results.some((r) => r.error && curableByBackup.has(r.error.code)) ? backup : null;
}

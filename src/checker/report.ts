// The plain-text report a reader pastes into a support chat: everything an agent needs
// to see what happened, and never the password.
import { supportUrl } from './support';
import type { ProbeResult } from './types';

export interface ReportLabels {
  title: string;
  provider: string;
  email: string;
  servers: string;
  time: string;
  ok: string;
  failed: string;
  skipped: string;
  reply: string;
  explanation: string;
  link: string;
  /** The closing line that tells the reader where the report goes. */
  support: string;
}

export interface ReportInput {
  provider: { id: string; name: string };
  /** The address that was checked, not whatever the field holds by the time of copying. */
  email: string;
  setLabel: string;
  /** What was checked, e.g. "Check login". */
  mode: string;
  results: ProbeResult[];
  at: Date;
  /** The origin help links are made absolute against, so they work when pasted into a chat. */
  origin: string;
}

const securityName = (s: string) => (s === 'ssl' ? 'SSL/TLS' : 'STARTTLS');

function stageLine(result: ProbeResult, labels: ReportLabels): string {
  return result.stages
    .map((s) => `${s.name} ${s.skipped ? labels.skipped : s.ok ? labels.ok : labels.failed} ${s.ms} ms`)
    .join(' · ');
}

/**
 * The report text. `secret` is the password typed in the form: the endpoint already keeps
 * it out of replies, and any copy that slipped through is masked here all the same.
 */
export function reportText(input: ReportInput, labels: ReportLabels, secret = ''): string {
  const lines = [
    labels.title,
    `${labels.provider}: ${input.provider.name} (${input.provider.id})`,
    `${labels.email}: ${input.email}`,
    `${labels.servers}: ${input.setLabel} · ${input.mode}`,
    `${labels.time}: ${input.at.toISOString()}`,
  ];
  for (const r of input.results) {
    const status = r.ok ? labels.ok : `${labels.failed} ${r.error?.code ?? ''}${r.error?.providerCode ? ` (${r.error.providerCode})` : ''}`;
    lines.push('', `${r.protocol.toUpperCase()} ${r.host}:${r.port} ${securityName(r.security)} — ${status}`);
    lines.push(`  ${stageLine(r, labels)}`);
    if (r.error?.serverText) lines.push(`  ${labels.reply}: ${r.error.serverText}`);
    if (r.error?.message) lines.push(`  ${labels.explanation}: ${r.error.message}`);
    if (r.error?.help) lines.push(`  ${labels.link}: ${new URL(r.error.help, input.origin).href}`);
  }
  lines.push('', `${labels.support}: ${supportUrl}`);
  const text = lines.join('\n');
  return secret.length >= 4 ? text.split(secret).join('***') : text;
}

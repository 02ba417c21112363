// The probe's public shapes. Field names are the HTTP contract of POST /api/probe
// (issue 3), so the handler serialises these objects as they are.
import type { ProbeCode } from '../registry/types';

export type { ProbeCode };
export type Protocol = 'imap' | 'smtp';
export type Security = 'ssl' | 'starttls';
export type Lang = 'zh-Hans' | 'en';
export type StageName = 'dns' | 'tcp' | 'tls' | 'greeting' | 'capabilities' | 'auth';

export interface ServerTarget {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
}

export interface TlsDetails {
  protocol: string | null;
  subject: string | null;
  issuer: string | null;
  names: string[];
  validFrom: string | null;
  validTo: string | null;
  /** The chain leads to a trusted CA and the certificate is within its dates. */
  trusted: boolean;
  /** The certificate names cover the host that was asked for. */
  coversHost: boolean;
}

export interface Stage {
  name: StageName;
  ok: boolean;
  ms: number;
  /** dns: the addresses the name resolved to (all of them were checked). */
  addresses?: string[];
  /** tcp: the one address that was connected to. */
  address?: string;
  tls?: TlsDetails;
  /** capabilities: what the server advertised, e.g. IMAP4rev1, AUTH=PLAIN, STARTTLS. */
  capabilities?: string[];
  /** auth: false when no password was given or it was withheld, with the reason in `skipped`. */
  skipped?: string;
}

export interface ProbeError {
  code: ProbeCode;
  stage: StageName;
  /** The provider's own code, e.g. ERR.LOGIN.IPDENY, when the reply matched a registry entry. */
  providerCode: string | null;
  /** The server's reply as sent: decoded, trimmed, capped, password removed. */
  serverText: string | null;
  /** Our technical detail (e.g. the TLS library's reason), never shown as the server's words. */
  detail: string | null;
  /** The registry provider whose error matched, when one did. */
  provider: string | null;
  message: string;
  fix: string;
  /** The section that fixes it: the reader's own guide when it has one, else the troubleshooting page. */
  help: string;
  /** The same entry on the troubleshooting page, when `help` is a guide. */
  also: string | null;
}

export interface ProbeResult extends ServerTarget {
  ok: boolean;
  stages: Stage[];
  error: ProbeError | null;
}

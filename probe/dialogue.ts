// What the probe needs from a protocol: the steps of the dialogue, each failing with a
// catalogue code and the server's own words.
import type { Failure, ReplyPhase } from './classify';
import { serverText } from './text';
import type { ProbeCode, StageName } from './types';
import type { Wire } from './wire';

export interface Dialogue {
  /** Reads the banner; the capabilities it advertises, if any, are remembered. */
  greeting(): Promise<void>;
  /** Asks to upgrade a plain connection; resolves when the TLS handshake may start. */
  requestStartTls(): Promise<void>;
  capabilities(): Promise<string[]>;
  /** One login attempt; resolves when the server accepted it. */
  authenticate(user: string, password: string): Promise<void>;
  /** LOGOUT or QUIT, waiting for the answer; never throws. */
  goodbye(): Promise<void>;
}

export class DialogueFailure extends Error implements Failure {
  constructor(
    readonly code: ProbeCode,
    readonly stage: StageName,
    readonly serverText?: string,
    readonly phase?: ReplyPhase,
    readonly detail?: string,
  ) {
    super(`${code} at ${stage}`);
    this.name = 'DialogueFailure';
  }
}

export interface DialogueContext {
  wire: Wire;
  /** The password in every form it may be sent, so replies that echo it are scrubbed. */
  secrets: readonly string[];
  /** Our own address, for SMTP's EHLO argument. */
  localAddress(): string;
}

export function failWith(
  context: DialogueContext,
  code: ProbeCode,
  stage: StageName,
  lines: readonly string[],
  phase?: ReplyPhase,
): DialogueFailure {
  return new DialogueFailure(code, stage, serverText(lines, context.secrets), phase);
}

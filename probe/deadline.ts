// One deadline for a whole probe, in the style of imapflow's connection-deadline.js:
// every stage draws from the same budget, so a stage that stalls cannot stretch the
// request past its limit, and each stage also has its own ceiling so one slow stage
// cannot starve the ones after it of any chance to report.
import type { StageName } from './types';

/** Whole-probe limit; the endpoint waits for all servers in parallel, so this is the request's limit too. */
export const PROBE_DEADLINE_MS = 20_000;

/** Per-stage ceilings; the effective timeout is the smaller of this and what is left of the deadline. */
export const STAGE_BUDGET_MS: Record<StageName, number> = {
  // c-ares retries internally; a name that takes longer than this is broken for a mail client too.
  dns: 5_000,
  // A SYN that is silently dropped by a firewall is the common slow failure.
  tcp: 8_000,
  // Includes the STARTTLS exchange when the upgrade happens after the greeting.
  tls: 8_000,
  // Some servers delay the banner on purpose (SMTP tarpitting), so this is generous.
  greeting: 8_000,
  capabilities: 5_000,
  // Providers are slow to reject a bad password on purpose; a few seconds is normal.
  auth: 10_000,
};

/** What is left after the stages is reserved for LOGOUT/QUIT, which never fails a probe. */
export const GOODBYE_MS = 1_500;

export class DeadlineError extends Error {
  constructor(
    readonly stage: StageName,
    readonly exhausted: boolean,
  ) {
    super(exhausted ? 'The probe ran out of time' : `The ${stage} stage ran out of time`);
    this.name = 'DeadlineError';
  }
}

export class Deadline {
  private readonly startedAt = Date.now();

  constructor(readonly timeoutMs: number = PROBE_DEADLINE_MS) {}

  remaining(): number {
    return Math.max(0, this.timeoutMs - (Date.now() - this.startedAt));
  }

  /** Milliseconds a stage may take: its own budget, capped by what is left overall. */
  budget(stage: StageName): number {
    return Math.min(STAGE_BUDGET_MS[stage], this.remaining());
  }

  /**
   * Races a stage against its budget. The timer is always cleared, so a finished stage
   * leaves nothing pending; `onTimeout` lets the caller abort the work it started.
   */
  async race<T>(stage: StageName, work: Promise<T>, onTimeout?: () => void): Promise<T> {
    const budget = this.budget(stage);
    const exhausted = budget >= this.remaining();
    if (budget <= 0) throw new DeadlineError(stage, true);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            onTimeout?.();
            reject(new DeadlineError(stage, exhausted));
          }, budget);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

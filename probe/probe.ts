// Probes one mail server through named, timed stages: dns → tcp → tls → greeting →
// capabilities → auth (with STARTTLS, greeting comes before tls), then LOGOUT/QUIT.
// Hand-written on node:net and node:tls rather than imapflow or nodemailer: those
// libraries connect, upgrade and verify in one call and report a single error, while
// the checker must say which stage failed, show the certificate even when it fails
// verification, and stop before the password when it does.
import { Resolver } from 'node:dns/promises';
import { connect as netConnect, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { Provider } from '../registry/types';
import { blockedPort, blockedReason, parseHost, specialUseReason, type GuardPolicy } from './address-guard';
import type { Catalogue } from './catalogue';
import { contextProviders, describeFailure, matchRegistry, type Failure } from './classify';
import { Deadline, DeadlineError, GOODBYE_MS, PROBE_DEADLINE_MS } from './deadline';
import { DialogueFailure, type Dialogue, type DialogueContext } from './dialogue';
import { ImapDialogue } from './imap';
import { SmtpDialogue } from './smtp';
import { sanitize, scrub, secretForms } from './text';
import type { Lang, ProbeCode, ProbeResult, ServerTarget, Stage, StageName, TlsDetails } from './types';
import { Wire, WireClosedError, WireOverflowError } from './wire';

export interface ProbeOptions {
  /** The login name: the full address. */
  email: string;
  /** Used for one login attempt, only over verified TLS, and not kept. */
  password?: string;
  /** A registry id whose error strings are tried first. */
  provider?: string;
  lang: Lang;
  providers: readonly Provider[];
  catalogue: Catalogue;
  policy: GuardPolicy;
  deadlineMs?: number;
  /** Resolvers as ip[:port]; the system's when absent. Answers are guarded all the same. */
  dnsServers?: readonly string[];
  /**
   * Extra CAs trusted on top of the system store. The server trusts NODE_EXTRA_CA_CERTS
   * through Node itself; this exists so in-process tests can trust a CA made at run time.
   */
  extraCa?: readonly string[];
}

const TIMEOUT_CODES: Record<StageName, ProbeCode> = {
  dns: 'DNS_FAILED',
  tcp: 'TCP_TIMEOUT',
  // A handshake that never completes means the port does not speak TLS the way it should.
  tls: 'TLS_FAILED',
  greeting: 'GREETING_TIMEOUT',
  capabilities: 'TIMEOUT',
  auth: 'TIMEOUT',
};

const CERT_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

function certificateNames(cert: PeerCertificate): string[] {
  return (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .map((n) => n.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e?.code === 'string' ? e.code : String(e?.message ?? error);
}

class ProbeRun {
  private readonly stages: Stage[] = [];
  private readonly deadline: Deadline;
  private readonly secrets: string[];
  private socket: Socket | null = null;
  private wire: Wire | null = null;
  private dialogue: Dialogue | null = null;
  private greeted = false;

  constructor(
    private readonly target: ServerTarget,
    private readonly options: ProbeOptions,
  ) {
    this.deadline = new Deadline(options.deadlineMs ?? PROBE_DEADLINE_MS);
    this.secrets = secretForms(options.password ?? '', options.email);
  }

  private async stage<T>(name: StageName, work: (stage: Stage) => Promise<T>, onTimeout?: () => void): Promise<T> {
    const stage: Stage = { name, ok: false, ms: 0 };
    this.stages.push(stage);
    const started = performance.now();
    try {
      const value = await this.deadline.race(name, work(stage), () => {
        onTimeout?.();
        this.socket?.destroy();
      });
      stage.ok = true;
      return value;
    } catch (error) {
      throw this.failure(error, name);
    } finally {
      stage.ms = Math.round(performance.now() - started);
    }
  }

  private failure(error: unknown, stage: StageName): Failure {
    if (error instanceof DialogueFailure) return error;
    const detail = (text: string) => scrub(sanitize(text), this.secrets).slice(0, 200);
    if (error instanceof DeadlineError) {
      return { code: TIMEOUT_CODES[stage], stage, detail: error.exhausted ? 'the whole check ran out of time' : `no answer in the ${stage} stage in time` };
    }
    if (error instanceof WireOverflowError) return { code: 'PROTOCOL_MISMATCH', stage, detail: error.message };
    if (error instanceof WireClosedError) {
      return { code: stage === 'tls' ? 'TLS_FAILED' : 'CONNECTION_CLOSED', stage, detail: 'the server closed the connection' };
    }
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') return { code: 'TCP_REFUSED', stage, detail: code };
    if (stage === 'tcp') return { code: 'TCP_TIMEOUT', stage, detail: detail(code) };
    if (stage === 'tls') return { code: 'TLS_FAILED', stage, detail: detail(`${code}: ${(error as Error).message ?? ''}`) };
    if (stage === 'dns') return { code: 'DNS_FAILED', stage, detail: detail(code) };
    return { code: 'CONNECTION_CLOSED', stage, detail: detail(code) };
  }

  private async resolve(stage: Stage): Promise<string[]> {
    const { host, port } = this.target;
    const { policy } = this.options;
    const portProblem = blockedPort(port, policy);
    if (portProblem) throw new DialogueFailure('TARGET_BLOCKED', 'dns', undefined, undefined, portProblem);
    const parsed = parseHost(host);
    if (parsed.kind === 'invalid') throw new DialogueFailure('TARGET_BLOCKED', 'dns', undefined, undefined, parsed.reason);
    let addresses: string[];
    if (parsed.kind === 'ip') {
      addresses = [parsed.address];
    } else {
      const special = specialUseReason(parsed.name, policy);
      if (special) throw new DialogueFailure('TARGET_BLOCKED', 'dns', undefined, undefined, special);
      addresses = await this.lookup(parsed.name);
    }
    stage.addresses = addresses;
    for (const address of addresses) {
      const reason = blockedReason(address, policy);
      if (reason) throw new DialogueFailure('TARGET_BLOCKED', 'dns', undefined, undefined, `${address} is ${reason}`);
    }
    return addresses;
  }

  private async lookup(name: string): Promise<string[]> {
    const resolver = new Resolver({ timeout: 2_000, tries: 2 });
    if (this.options.dnsServers?.length) resolver.setServers([...this.options.dnsServers]);
    const work = Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
    const [v4, v6] = await this.deadline.race('dns', work, () => resolver.cancel());
    const addresses = [v4, v6].flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    if (addresses.length) return addresses;
    const codes = [v4, v6].map((r) => (r.status === 'rejected' ? errorCode(r.reason) : 'ENODATA'));
    if (codes.every((c) => c === 'ENOTFOUND' || c === 'ENODATA')) {
      throw new DialogueFailure('DNS_NOT_FOUND', 'dns', undefined, undefined, codes.join(', '));
    }
    throw new DialogueFailure('DNS_FAILED', 'dns', undefined, undefined, codes.join(', '));
  }

  private async connect(stage: Stage, addresses: string[]): Promise<void> {
    let lastError: unknown = null;
    for (const address of addresses) {
      try {
        this.socket = await new Promise<Socket>((resolve, reject) => {
          const socket = netConnect({ host: address, port: this.target.port });
          this.socket = socket;
          socket.once('connect', () => resolve(socket));
          socket.once('error', reject);
        });
        this.socket.removeAllListeners('error');
        this.socket.on('error', () => undefined);
        this.socket.setNoDelay(true);
        stage.address = address;
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  private servername(): string | undefined {
    const parsed = parseHost(this.target.host);
    return parsed.kind === 'name' ? parsed.name : undefined;
  }

  private async handshake(stage: Stage, raw: Socket): Promise<TLSSocket> {
    const servername = this.servername();
    const ca = this.options.extraCa?.length ? [...rootCertificates, ...this.options.extraCa] : undefined;
    // Verification is done below rather than by rejecting the handshake, so the user
    // sees the certificate that failed; nothing is sent on a connection that fails it.
    const secure = await new Promise<TLSSocket>((resolve, reject) => {
      const socket = tlsConnect({ socket: raw, servername, ca, rejectUnauthorized: false });
      this.socket = socket;
      socket.once('secureConnect', () => resolve(socket));
      socket.once('error', reject);
      socket.once('close', () => reject(new WireClosedError(false)));
    });
    secure.removeAllListeners('error');
    secure.removeAllListeners('close');
    secure.on('error', () => undefined);
    const cert = secure.getPeerCertificate();
    const identity = this.target.host.replace(/^\[|\]$/g, '');
    const coversHost = cert && Object.keys(cert).length ? checkServerIdentity(servername ?? identity, cert) === undefined : false;
    // Node folds the host-name check into `authorized`; the chain itself is trusted when that is the only fault.
    const reason = secure.authorized ? null : errorCode(secure.authorizationError);
    const trusted = secure.authorized || reason === 'ERR_TLS_CERT_ALTNAME_INVALID';
    const details: TlsDetails = {
      protocol: secure.getProtocol(),
      subject: cert?.subject ? [cert.subject.CN].flat().join(', ') || null : null,
      issuer: cert?.issuer ? [cert.issuer.CN, cert.issuer.O].flat().filter(Boolean).join(', ') || null : null,
      names: cert ? certificateNames(cert) : [],
      validFrom: cert?.valid_from ? new Date(cert.valid_from).toISOString() : null,
      validTo: cert?.valid_to ? new Date(cert.valid_to).toISOString() : null,
      trusted,
      coversHost,
    };
    stage.tls = details;
    if (!trusted) {
      throw new DialogueFailure(CERT_EXPIRED.has(reason!) ? 'TLS_CERT_EXPIRED' : 'TLS_CERT_UNTRUSTED', 'tls', undefined, undefined, reason!);
    }
    if (!coversHost) {
      throw new DialogueFailure('TLS_HOSTNAME_MISMATCH', 'tls', undefined, undefined, `the certificate covers ${details.names.join(', ') || details.subject}`);
    }
    return secure;
  }

  private context(): DialogueContext {
    const run = this;
    return {
      get wire() {
        return run.wire!;
      },
      secrets: this.secrets,
      localAddress: () => this.socket?.localAddress ?? '127.0.0.1',
    };
  }

  async run(): Promise<ProbeResult> {
    const { target, options } = this;
    let failure: Failure | null = null;
    try {
      const addresses = await this.stage('dns', (s) => this.resolve(s));
      await this.stage('tcp', (s) => this.connect(s, addresses));
      const context = this.context();
      this.dialogue = target.protocol === 'imap' ? new ImapDialogue(context) : new SmtpDialogue(context);
      if (target.security === 'ssl') {
        const secure = await this.stage('tls', (s) => this.handshake(s, this.socket!));
        this.wire = new Wire(secure);
        await this.stage('greeting', () => this.dialogue!.greeting());
        this.greeted = true;
      } else {
        this.wire = new Wire(this.socket!);
        await this.stage('greeting', () => this.dialogue!.greeting());
        this.greeted = true;
        await this.stage('tls', async (s) => {
          await this.dialogue!.requestStartTls();
          this.wire!.attach(await this.handshake(s, this.wire!.detach()));
        });
      }
      await this.stage('capabilities', async (s) => {
        s.capabilities = await this.dialogue!.capabilities();
      });
      if (options.password) {
        await this.stage('auth', () => this.authenticate(options.password!));
      }
    } catch (error) {
      failure = error as Failure;
    }
    // The answer is complete once the last stage has run: the reader does not wait on the
    // server's reply to LOGOUT/QUIT, which goes on for at most GOODBYE_MS on its own.
    this.goodbye(failure).catch(() => this.socket?.destroy());
    return {
      ...target,
      ok: failure === null,
      stages: this.stages,
      error: failure
        ? describeFailure(failure, {
            providers: options.providers,
            catalogue: options.catalogue,
            protocol: target.protocol,
            lang: options.lang,
            provider: options.provider,
            email: options.email,
            target,
          })
        : null,
    };
  }

  private async authenticate(password: string): Promise<void> {
    try {
      await this.dialogue!.authenticate(this.options.email, password);
    } catch (error) {
      // After a successful login, only refusals the registry explains are reported.
      if (error instanceof DialogueFailure && error.phase === 'after-auth') {
        const context = contextProviders(this.options.providers, { ...this.options, target: this.target });
        const known = matchRegistry(this.options.providers, error.serverText ?? '', this.target.protocol, 'after-auth', context);
        if (!known) return;
      }
      throw error;
    }
  }

  private async goodbye(failure: Failure | null): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const polite = this.greeted && this.wire && (!failure || failure.stage === 'auth' || failure.stage === 'capabilities') && failure?.code !== 'CONNECTION_CLOSED';
    const budget = Math.min(GOODBYE_MS, this.deadline.remaining());
    if (polite && budget > 0 && !socket.destroyed) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.dialogue!.goodbye(), new Promise((r) => (timer = setTimeout(r, budget)))]);
      clearTimeout(timer);
    }
    socket.destroy();
  }
}

/** Probes one server. Never throws: every failure is a result with a catalogue code. */
export function probeServer(target: ServerTarget, options: ProbeOptions): Promise<ProbeResult> {
  return new ProbeRun(target, options).run();
}

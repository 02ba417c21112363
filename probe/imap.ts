// The IMAP side of the probe (RFC 3501/9051): greeting, STARTTLS, CAPABILITY, one
// LOGIN or AUTHENTICATE PLAIN, then ID and EXAMINE INBOX to see that the login really
// opens the mailbox, and LOGOUT.
import { imapAuthCode } from './classify';
import { DialogueFailure, failWith, type Dialogue, type DialogueContext } from './dialogue';
import { decodeReply } from './text';
import { WireClosedError } from './wire';

/** How the probe names itself in IMAP ID (RFC 2971); 163.com refuses mailboxes to clients that send none. */
const CLIENT_ID = '("name" "Laifaxin checker" "vendor" "Laifaxin")';

interface Tagged {
  status: 'OK' | 'NO' | 'BAD';
  /** The tagged line without the tag, e.g. "NO [AUTHENTICATIONFAILED] Invalid credentials". */
  text: string;
  untagged: string[];
}

type Part = string | { literal: Buffer };

// Quoted strings may hold any 7-bit character except CR, LF and NUL (RFC 3501 §9);
// anything else goes in a literal, sent as its UTF-8 bytes.
function astring(value: string): Part {
  if (/^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value) && value.length < 1000) {
    return `"${value.replace(/(["\\])/g, '\\$1')}"`;
  }
  return { literal: Buffer.from(value, 'utf8') };
}

function parseCapabilities(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean).map((c) => c.toUpperCase());
}

export class ImapDialogue implements Dialogue {
  private tagCounter = 0;
  private knownCapabilities: string[] | null = null;
  private bye: string | null = null;

  constructor(private readonly context: DialogueContext) {}

  private get wire() {
    return this.context.wire;
  }

  /** One response line, with any literals ({n}) it carries read in and appended. */
  private async readResponseLine(): Promise<string> {
    let line = await this.wire.readLineBytes();
    let literal = /\{(\d+)\+?\}$/.exec(line.toString('latin1'));
    while (literal) {
      const bytes = await this.wire.readBytes(Number(literal[1]));
      const rest = await this.wire.readLineBytes();
      line = Buffer.concat([line, Buffer.from('\r\n'), bytes, rest]);
      literal = /\{(\d+)\+?\}$/.exec(rest.toString('latin1'));
    }
    return decodeReply(line);
  }

  private async readTagged(tag: string, stage: DialogueFailure['stage']): Promise<Tagged> {
    const untagged: string[] = [];
    for (;;) {
      let line: string;
      try {
        line = await this.readResponseLine();
      } catch (error) {
        if (error instanceof WireClosedError && this.bye !== null) {
          throw failWith(this.context, 'CONNECTION_CLOSED', stage, [this.bye], stage === 'auth' ? 'auth' : undefined);
        }
        throw error;
      }
      if (line.startsWith('* ')) {
        if (/^\* BYE\b/i.test(line)) this.bye = line;
        const caps = /^\* CAPABILITY (.*)$/i.exec(line);
        if (caps) this.knownCapabilities = parseCapabilities(caps[1]);
        untagged.push(line);
        continue;
      }
      const tagged = new RegExp(`^${tag} (OK|NO|BAD)\\b ?(.*)$`, 'i').exec(line);
      if (tagged) {
        const status = tagged[1].toUpperCase() as Tagged['status'];
        const caps = /^\[CAPABILITY ([^\]]*)\]/i.exec(tagged[2]);
        if (caps) this.knownCapabilities = parseCapabilities(caps[1]);
        // The tag is ours, not the server's words, so it is left out of the reply text.
        return { status, text: `${status} ${tagged[2]}`.trim(), untagged };
      }
      if (line.startsWith('+')) return { status: 'BAD', text: line, untagged };
      throw failWith(this.context, 'PROTOCOL_MISMATCH', stage, [line]);
    }
  }

  private nextTag(): string {
    this.tagCounter += 1;
    return `A${this.tagCounter}`;
  }

  /**
   * Sends a command whose arguments may include literals. A synchronising literal waits
   * for the server's "+" first; with LITERAL+ / LITERAL- (RFC 7888) it is sent at once.
   */
  private async command(stage: DialogueFailure['stage'], words: Part[]): Promise<Tagged> {
    const tag = this.nextTag();
    const nonSync = this.has('LITERAL+') || this.has('LITERAL-');
    let pending = `${tag}`;
    for (const word of words) {
      if (typeof word === 'string') {
        pending += ` ${word}`;
        continue;
      }
      this.wire.write(`${pending} {${word.literal.length}${nonSync ? '+' : ''}}\r\n`);
      if (!nonSync) {
        const line = await this.readResponseLine();
        if (!line.startsWith('+')) {
          const rejected = new RegExp(`^${tag} (OK|NO|BAD)\\b ?(.*)$`, 'i').exec(line);
          if (rejected) return { status: rejected[1].toUpperCase() as Tagged['status'], text: line.slice(tag.length + 1), untagged: [] };
          throw failWith(this.context, 'PROTOCOL_MISMATCH', stage, [line]);
        }
      }
      this.wire.write(word.literal);
      pending = '';
    }
    this.wire.write(`${pending}\r\n`);
    return this.readTagged(tag, stage);
  }

  /** Sends a command of plain words without waiting, for pipelining; returns its tag. */
  private send(words: string[]): string {
    const tag = this.nextTag();
    this.wire.write(`${tag} ${words.join(' ')}\r\n`);
    return tag;
  }

  private has(capability: string): boolean {
    return this.knownCapabilities?.includes(capability) ?? false;
  }

  async greeting(): Promise<void> {
    let line: string;
    try {
      line = await this.readResponseLine();
    } catch (error) {
      if (error instanceof WireClosedError) throw failWith(this.context, 'CONNECTION_CLOSED', 'greeting', []);
      throw error;
    }
    if (/^\* (OK|PREAUTH)\b/i.test(line)) {
      const caps = /\[CAPABILITY ([^\]]*)\]/i.exec(line);
      if (caps) this.knownCapabilities = parseCapabilities(caps[1]);
      return;
    }
    if (/^\* BYE\b/i.test(line)) throw failWith(this.context, 'CONNECTION_CLOSED', 'greeting', [line], 'greeting');
    throw failWith(this.context, 'PROTOCOL_MISMATCH', 'greeting', [line], 'greeting');
  }

  async requestStartTls(): Promise<void> {
    if (this.knownCapabilities === null) await this.command('tls', ['CAPABILITY']);
    if (!this.has('STARTTLS')) {
      throw new DialogueFailure('STARTTLS_UNSUPPORTED', 'tls', undefined, undefined, 'STARTTLS is not in the CAPABILITY list');
    }
    const reply = await this.command('tls', ['STARTTLS']);
    if (reply.status !== 'OK') throw failWith(this.context, 'STARTTLS_UNSUPPORTED', 'tls', [reply.text]);
    // Capabilities seen before TLS may have been forged; RFC 3501 §6.2.1 says to ask again.
    this.knownCapabilities = null;
  }

  async capabilities(): Promise<string[]> {
    if (this.knownCapabilities === null) {
      const reply = await this.command('capabilities', ['CAPABILITY']);
      if (reply.status !== 'OK') throw failWith(this.context, 'PROTOCOL_MISMATCH', 'capabilities', [reply.text], 'capabilities');
    }
    return this.knownCapabilities ?? [];
  }

  async authenticate(user: string, password: string): Promise<void> {
    let reply: Tagged;
    if (!this.has('LOGINDISABLED')) {
      reply = await this.command('auth', ['LOGIN', astring(user), astring(password)]);
    } else if (this.has('AUTH=PLAIN')) {
      const response = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
      if (this.has('SASL-IR')) {
        reply = await this.command('auth', ['AUTHENTICATE', 'PLAIN', response]);
      } else {
        const tag = this.nextTag();
        this.wire.write(`${tag} AUTHENTICATE PLAIN\r\n`);
        const line = await this.readResponseLine();
        if (line.startsWith('+')) this.wire.write(`${response}\r\n`);
        else throw failWith(this.context, imapAuthCode(line), 'auth', [line], 'auth');
        reply = await this.readTagged(tag, 'auth');
      }
    } else {
      throw new DialogueFailure(
        'AUTH_MECHANISM_UNSUPPORTED',
        'auth',
        undefined,
        undefined,
        `LOGIN is disabled and AUTH=PLAIN is not offered (${this.knownCapabilities?.filter((c) => c.startsWith('AUTH=')).join(' ') || 'no AUTH= mechanisms'})`,
      );
    }
    if (reply.status !== 'OK') {
      throw failWith(this.context, imapAuthCode(reply.text), 'auth', [...reply.untagged, reply.text], 'auth');
    }
    await this.afterLogin();
  }

  /**
   * Some providers accept LOGIN and then refuse the mailbox (163.com's "Unsafe Login"),
   * so the probe opens INBOX read-only the way a sync client would. A refusal that the
   * registry does not know is not reported: the password itself was accepted.
   */
  private async afterLogin(): Promise<void> {
    if (this.knownCapabilities === null) await this.command('auth', ['CAPABILITY']);
    // ID and EXAMINE go out together (RFC 3501 §5.5 allows pipelining them): the server
    // still handles ID first, and the check costs one round trip instead of two.
    const idTag = this.has('ID') ? this.send(['ID', CLIENT_ID]) : null;
    const examineTag = this.send(['EXAMINE', 'INBOX']);
    if (idTag) await this.readTagged(idTag, 'auth');
    const reply = await this.readTagged(examineTag, 'auth');
    if (reply.status !== 'OK') throw failWith(this.context, 'AUTH_FAILED', 'auth', [reply.text], 'after-auth');
  }

  async goodbye(): Promise<void> {
    const tag = this.nextTag();
    this.wire.write(`${tag} LOGOUT\r\n`);
    await this.readTagged(tag, 'auth').catch(() => undefined);
  }
}

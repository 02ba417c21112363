// The SMTP side of the probe (RFC 5321, 3207, 4954): banner, EHLO, STARTTLS, one
// AUTH PLAIN or LOGIN as the server offers, and QUIT. No mail is ever sent.
import { smtpAuthCode } from './classify';
import { DialogueFailure, failWith, type Dialogue, type DialogueContext } from './dialogue';
import type { StageName } from './types';
import { WireClosedError } from './wire';

interface Reply {
  status: number;
  lines: string[];
}

const REPLY_LINE = /^(\d{3})([ -]|$)/;

export class SmtpDialogue implements Dialogue {
  private ehlo: string[] | null = null;

  constructor(private readonly context: DialogueContext) {}

  private async reply(stage: StageName): Promise<Reply> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.context.wire.readLine();
      const parsed = REPLY_LINE.exec(line);
      if (!parsed) throw failWith(this.context, 'PROTOCOL_MISMATCH', stage, [...lines, line], stage === 'greeting' ? 'greeting' : undefined);
      lines.push(line);
      if (parsed[2] !== '-') return { status: Number(parsed[1]), lines };
    }
  }

  private async send(line: string, stage: StageName): Promise<Reply> {
    this.context.wire.write(`${line}\r\n`);
    return this.reply(stage);
  }

  async greeting(): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.reply('greeting');
    } catch (error) {
      if (error instanceof WireClosedError) throw failWith(this.context, 'CONNECTION_CLOSED', 'greeting', []);
      throw error;
    }
    if (reply.status !== 220) throw failWith(this.context, 'CONNECTION_CLOSED', 'greeting', reply.lines, 'greeting');
  }

  private async hello(stage: StageName): Promise<string[]> {
    const local = this.context.localAddress();
    // An address literal is the honest EHLO argument for a client without a public name.
    const literal = local.includes(':') ? `[IPv6:${local}]` : `[${local}]`;
    const reply = await this.send(`EHLO ${literal}`, stage);
    if (reply.status !== 250) {
      const code = reply.status === 421 ? 'CONNECTION_CLOSED' : 'PROTOCOL_MISMATCH';
      throw failWith(this.context, code, stage, reply.lines, stage === 'capabilities' ? 'capabilities' : undefined);
    }
    this.ehlo = reply.lines.slice(1).map((l) => l.slice(4).trim().toUpperCase());
    return this.ehlo;
  }

  async requestStartTls(): Promise<void> {
    const extensions = await this.hello('tls');
    if (!extensions.includes('STARTTLS')) {
      throw new DialogueFailure('STARTTLS_UNSUPPORTED', 'tls', undefined, undefined, 'STARTTLS is not in the EHLO reply');
    }
    const reply = await this.send('STARTTLS', 'tls');
    if (reply.status !== 220) throw failWith(this.context, 'STARTTLS_UNSUPPORTED', 'tls', reply.lines);
    // RFC 3207 §4.2: everything learnt before TLS is forgotten; EHLO is sent again.
    this.ehlo = null;
  }

  async capabilities(): Promise<string[]> {
    return this.ehlo ?? this.hello('capabilities');
  }

  private mechanisms(): string[] {
    const line = this.ehlo?.find((l) => /^AUTH[ =]/.test(l));
    return line ? line.slice(5).split(/\s+/).filter(Boolean) : [];
  }

  async authenticate(user: string, password: string): Promise<void> {
    const offered = this.mechanisms();
    let reply: Reply;
    if (offered.includes('PLAIN')) {
      const response = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
      reply = await this.send(`AUTH PLAIN ${response}`, 'auth');
      if (reply.status === 334) reply = await this.send(response, 'auth');
    } else if (offered.includes('LOGIN')) {
      reply = await this.send('AUTH LOGIN', 'auth');
      if (reply.status === 334) reply = await this.send(Buffer.from(user, 'utf8').toString('base64'), 'auth');
      if (reply.status === 334) reply = await this.send(Buffer.from(password, 'utf8').toString('base64'), 'auth');
    } else {
      throw new DialogueFailure(
        'AUTH_MECHANISM_UNSUPPORTED',
        'auth',
        undefined,
        undefined,
        offered.length ? `the server offers only AUTH ${offered.join(' ')}` : 'the EHLO reply lists no AUTH mechanisms',
      );
    }
    if (reply.status !== 235) throw failWith(this.context, smtpAuthCode(reply.status), 'auth', reply.lines, 'auth');
  }

  async goodbye(): Promise<void> {
    await this.send('QUIT', 'auth').catch(() => undefined);
  }
}

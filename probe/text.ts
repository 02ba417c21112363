// Server text is shown to users and written to logs, so it is decoded the way the
// server meant it, stripped of anything that could forge a log line, capped, and
// cleaned of the password in every form the probe sent it.

/** Longest server reply kept; provider messages that matter fit in a few lines. */
export const SERVER_TEXT_MAX = 500;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Node ships full ICU, whose GBK decoder also reads GB2312 and most GB18030 text.
const gbk = new TextDecoder('gbk');

/** UTF-8 when the bytes are valid UTF-8, else GBK: QQ and Tencent send their Chinese 535 replies in GBK. */
export function decodeReply(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return gbk.decode(bytes);
  }
}

/** Removes control characters (CR/LF included) so remote text cannot split or forge a line. */
export function sanitize(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .replace(/\s*[\r\n\t]+\s*/g, ' ')
    .trim();
}

/** The password and the encodings the probe sent it in; a reply echoing any of them is scrubbed. */
export function secretForms(password: string, user: string): string[] {
  if (!password) return [];
  return [
    password,
    password.replace(/(["\\])/g, '\\$1'),
    Buffer.from(password, 'utf8').toString('base64'),
    Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64'),
  ];
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a form that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

/** What the probe keeps of a server reply: decoded, single-line, capped, without secrets. */
export function serverText(lines: readonly string[], secrets: readonly string[]): string {
  const joined = scrub(sanitize(lines.join('\n')), secrets);
  return joined.length > SERVER_TEXT_MAX ? `${joined.slice(0, SERVER_TEXT_MAX - 1)}…` : joined;
}

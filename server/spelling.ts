// The input rule the checker form and the endpoint share: a host name or an address is checked
// exactly as the reader will type it into Laifaxin's binding form, so it must be plain ASCII (a
// Chinese domain in its xn-- form). A Chinese keyboard easily gives full-width letters and digits
// (ｉｍａｐ, １２７), ideographic full stops (。) and a full-width @ (＠); browsers fold them into
// ASCII without a word, the binding form may not. This finds such characters and works out the
// ASCII spelling, which the form offers and the endpoint names; neither uses it unasked.
// No Node APIs: the checker page bundles this file.

/** The rule itself, as a JSON Schema pattern for the form's compiled rules (src/checker/schema.ts). */
export const ASCII_PATTERN = '^[\\x00-\\x7f]*$';

const NOT_ASCII = /[^\x00-\x7f]/;
// UTS #46 (what browsers apply to host names) reads these three as '.'; NFKC leaves 。 alone.
const FULL_STOPS = /[\u3002\uff0e\uff61]/g;
// Zero-width spaces, joiners and the like come along when an address is copied from a page or a chat.
const INVISIBLE = /^[\p{Cf}\p{Z}\p{Cc}]$/u;

/** Most characters a message lists; the rest are summed up as "…". */
export const MAX_SHOWN = 6;

export interface NotAscii {
  /** The characters that are not plain ASCII, each once, in the order typed. */
  chars: string[];
  /**
   * full-width: full-width forms and Chinese punctuation, which fold into ASCII; invisible:
   * only characters that cannot be seen; idn: a Chinese (internationalised) domain, whose
   * ASCII spelling is its xn-- form; none: no ASCII spelling (Chinese before the @, say).
   */
  kind: 'full-width' | 'invisible' | 'idn' | 'none';
  /** The whole value spelt in ASCII, or null when there is no such spelling. */
  ascii: string | null;
}

function fold(text: string): string {
  const visible = [...text].filter((c) => !(NOT_ASCII.test(c) && INVISIBLE.test(c))).join('');
  return visible.normalize('NFKC').replace(FULL_STOPS, '.');
}

// The WHATWG URL parser applies UTS #46 and punycode, in browsers and in Node alike.
function punycode(domain: string): string | null {
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(domain)) return null;
  try {
    const { hostname } = new URL(`http://${domain}/`);
    return /^[a-z0-9.-]+$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/** What in a host name (or an address) is not plain ASCII, and its ASCII spelling; null when all of it is. */
export function notAscii(value: string, field: 'host' | 'email'): NotAscii | null {
  if (!NOT_ASCII.test(value)) return null;
  const chars = [...new Set([...value].filter((c) => NOT_ASCII.test(c)))];
  const folded = fold(value);
  if (!NOT_ASCII.test(folded)) return { chars, kind: chars.every((c) => INVISIBLE.test(c)) ? 'invisible' : 'full-width', ascii: folded };
  const at = field === 'email' ? folded.lastIndexOf('@') : -1;
  const local = folded.slice(0, at + 1);
  const domain = at < 0 && field === 'email' ? null : punycode(folded.slice(at + 1));
  if (domain && !NOT_ASCII.test(local)) return { chars, kind: 'idn', ascii: local + domain };
  return { chars, kind: 'none', ascii: null };
}

export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function isInvisible(c: string): boolean {
  return INVISIBLE.test(c);
}

/** A character as a message can show it: itself, or its code point when it cannot be seen. */
export function showChar(c: string): string {
  return INVISIBLE.test(c) ? codePoint(c) : c;
}

/** The characters for a message: at most MAX_SHOWN, each shown as showChar does. */
export function showChars(chars: string[], separator = ' '): string {
  const shown = chars.slice(0, MAX_SHOWN).map(showChar).join(separator);
  return chars.length > MAX_SHOWN ? `${shown}${separator}…` : shown;
}

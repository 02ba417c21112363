// Runs the provider's compiled rules over the form. Which rule failed is known from the
// rule itself, so the page never needs ajv's messages (or ajv).
import probeRequest from '../../server/probe-request.schema.json';
import { notAscii, showChars } from '../../server/spelling';
import type { CheckerData, CheckerValues, Field, Issue, RuleId, ValidatorModule } from './types';

export interface Normalized {
  email: string;
  password: string;
  /** The password's significant characters: what a stated length and character set count. */
  code: string;
  imap: { host: string; port: number | string; security: string };
  smtp: { host: string; port: number | string; security: string };
}

const port = (value: string): number | string => (/^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : value.trim());

/**
 * What the form's values mean: trimmed, host and domain lowercased, the code's group spaces
 * removed when the provider shows it in groups. A hyphenated code is sent with its hyphens;
 * only its length and characters are counted without them.
 */
export function normalize(values: CheckerValues, data: Pick<CheckerData, 'credential'>): Normalized {
  const email = values.email.trim();
  const at = email.lastIndexOf('@');
  const password = data.credential.stripSpaces ? values.password.replace(/\s+/g, '') : values.password;
  return {
    email: at < 0 ? email : email.slice(0, at) + email.slice(at).toLowerCase(),
    password,
    code: data.credential.hyphenated ? password.replace(/-/g, '') : password,
    imap: { host: values.imap.host.trim().toLowerCase(), port: port(values.imap.port), security: values.imap.security },
    smtp: { host: values.smtp.host.trim().toLowerCase(), port: port(values.smtp.port), security: values.smtp.security },
  };
}

interface RuleSpec {
  rule: RuleId;
  field: Field;
  severity: Issue['severity'];
  value: (n: Normalized) => unknown;
  /** Rules for optional input only run once something was typed. */
  whenFilled?: boolean;
}

// Order matters: per field, the first failing rule is the one the reader sees.
const specs: RuleSpec[] = [
  { rule: 'emailRequired', field: 'email', severity: 'error', value: (n) => n.email },
  { rule: 'asciiOnly', field: 'email', severity: 'error', value: (n) => n.email },
  { rule: 'emailFormat', field: 'email', severity: 'error', value: (n) => n.email },
  { rule: 'emailAccepted', field: 'email', severity: 'error', value: (n) => n.email },
  { rule: 'emailPersonal', field: 'email', severity: 'error', value: (n) => n.email },
  { rule: 'emailDomain', field: 'email', severity: 'warning', value: (n) => n.email },
  { rule: 'passwordAccepted', field: 'password', severity: 'error', value: (n) => n.password, whenFilled: true },
  { rule: 'passwordSpaces', field: 'password', severity: 'error', value: (n) => n.password, whenFilled: true },
  { rule: 'passwordCharset', field: 'password', severity: 'error', value: (n) => n.code, whenFilled: true },
  { rule: 'passwordLength', field: 'password', severity: 'error', value: (n) => n.code, whenFilled: true },
  { rule: 'passwordHyphens', field: 'password', severity: 'warning', value: (n) => n.password, whenFilled: true },
  { rule: 'asciiOnly', field: 'imap.host', severity: 'error', value: (n) => n.imap.host },
  { rule: 'hostFormat', field: 'imap.host', severity: 'error', value: (n) => n.imap.host },
  { rule: 'imapHostKnown', field: 'imap.host', severity: 'warning', value: (n) => n.imap.host },
  { rule: 'portAccepted', field: 'imap.port', severity: 'error', value: (n) => n.imap.port },
  { rule: 'imapPort', field: 'imap.port', severity: 'warning', value: (n) => n.imap.port },
  { rule: 'securityAccepted', field: 'imap.security', severity: 'error', value: (n) => n.imap.security },
  { rule: 'portSecurity', field: 'imap.security', severity: 'error', value: (n) => n.imap },
  { rule: 'asciiOnly', field: 'smtp.host', severity: 'error', value: (n) => n.smtp.host },
  { rule: 'hostFormat', field: 'smtp.host', severity: 'error', value: (n) => n.smtp.host },
  { rule: 'smtpHostKnown', field: 'smtp.host', severity: 'warning', value: (n) => n.smtp.host },
  { rule: 'portAccepted', field: 'smtp.port', severity: 'error', value: (n) => n.smtp.port },
  { rule: 'smtpPort', field: 'smtp.port', severity: 'warning', value: (n) => n.smtp.port },
  { rule: 'securityAccepted', field: 'smtp.security', severity: 'error', value: (n) => n.smtp.security },
  { rule: 'portSecurity', field: 'smtp.security', severity: 'error', value: (n) => n.smtp },
];

function params(rule: RuleId, field: Field, n: Normalized, data: CheckerData, module: ValidatorModule): Issue['params'] {
  switch (rule) {
    // Which characters, and the spelling the form offers in their place ('' when there is none).
    case 'asciiOnly': {
      const found = notAscii(field === 'email' ? n.email : field.startsWith('imap') ? n.imap.host : n.smtp.host, field === 'email' ? 'email' : 'host');
      return { kind: found?.kind ?? 'none', chars: showChars(found?.chars ?? []), ascii: found?.ascii ?? '' };
    }
    case 'emailPersonal': {
      const domain = n.email.slice(n.email.lastIndexOf('@') + 1);
      return { domain, provider: module.personalDomains[domain]?.id ?? '' };
    }
    case 'emailDomain':
      return { domain: n.email.slice(n.email.lastIndexOf('@') + 1), expected: data.domains.join(', ') };
    // The endpoint's own limits (what the rule enforces, src/checker/schema.ts), for the message.
    case 'emailAccepted':
      return { max: probeRequest.properties.email.maxLength };
    case 'passwordAccepted':
      return { max: probeRequest.properties.password.maxLength };
    case 'passwordLength':
      return { expected: data.credential.length ?? 0, actual: n.code.length };
    case 'imapHostKnown':
    case 'smtpHostKnown': {
      const protocol = rule === 'imapHostKnown' ? 'imap' : 'smtp';
      const recommended = data.sets[0].servers.find((s) => s.protocol === protocol);
      return { host: n[protocol].host, expected: recommended?.host ?? '' };
    }
    case 'hostFormat':
      return { host: field.startsWith('imap') ? n.imap.host : n.smtp.host };
    case 'portAccepted':
      return { protocol: field.startsWith('imap') ? 'imap' : 'smtp' };
    case 'portSecurity': {
      const server = field.startsWith('imap') ? n.imap : n.smtp;
      return { port: server.port, expected: server.port === 993 || server.port === 465 ? 'ssl' : 'starttls' };
    }
    default:
      return {};
  }
}

export function validate(values: CheckerValues, data: CheckerData, module: ValidatorModule): Issue[] {
  const n = normalize(values, data);
  const failed = new Set<Field>();
  const issues: Issue[] = [];
  for (const spec of specs) {
    const fn = module.rules[spec.rule];
    if (!fn || failed.has(spec.field)) continue;
    const value = spec.value(n);
    if (spec.whenFilled && value === '') continue;
    if (fn(value)) continue;
    failed.add(spec.field);
    issues.push({ field: spec.field, rule: spec.rule, severity: spec.severity, params: params(spec.rule, spec.field, n, data, module) });
  }
  return issues;
}

/** The fields a check needs, so an issue elsewhere (e.g. the password on "Check servers") does not block it. */
export function blocking(issues: Issue[], withPassword: boolean): Issue[] {
  return issues.filter((i) => i.severity === 'error' && (withPassword || i.field !== 'password'));
}

// Shapes shared by the checker's pure logic and its widgets. Field values are what the
// form holds (strings); the validators see them normalized (see normalize.ts).

export type Protocol = 'imap' | 'smtp';
export type Security = 'ssl' | 'starttls';
export type Locale = 'zh-Hans' | 'en';

export interface ServerFields {
  host: string;
  port: string;
  security: Security;
}

export interface CheckerValues {
  email: string;
  password: string;
  imap: ServerFields;
  smtp: ServerFields;
}

export interface CheckerServer {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
}

/** What a guide page ships for its checker: built from the registry at build time, in the page's locale. */
export interface CheckerData {
  id: string;
  name: string;
  kind: 'enterprise' | 'personal';
  credential: { name: string; length: number | null; stripSpaces: boolean; hyphenated: boolean; charset: 'letters' | 'alphanumeric' | null };
  /** The provider's own address domains (personal mailboxes); empty for company domains. */
  domains: string[];
  sets: { id: string; role: 'recommended' | 'backup' | 'alternative' | 'regional' | 'domain'; label: string; domains: string[] | null; servers: CheckerServer[] }[];
}

/** A personal provider a domain belongs to, so another provider's guide can send the reader to the right page. */
export interface PersonalDomain {
  id: string;
  names: Record<Locale, string>;
  guide: string;
}

export type Field = 'email' | 'password' | 'imap.host' | 'imap.port' | 'imap.security' | 'smtp.host' | 'smtp.port' | 'smtp.security';

export type RuleId =
  | 'emailRequired'
  | 'asciiOnly'
  | 'emailFormat'
  | 'emailAccepted'
  | 'emailPersonal'
  | 'emailDomain'
  | 'passwordAccepted'
  | 'passwordSpaces'
  | 'passwordLength'
  | 'passwordCharset'
  | 'passwordHyphens'
  | 'hostFormat'
  | 'imapHostKnown'
  | 'smtpHostKnown'
  | 'portAccepted'
  | 'imapPort'
  | 'smtpPort'
  | 'securityAccepted'
  | 'portSecurity';

export interface Issue {
  field: Field;
  rule: RuleId;
  /** errors stop a check (the endpoint would refuse or the login would surely fail); warnings do not. */
  severity: 'error' | 'warning';
  params: Record<string, string | number>;
}

/** One compiled rule: an ajv standalone validate function. */
export type RuleFn = ((data: unknown) => boolean) & { errors?: unknown };

export interface ValidatorModule {
  rules: Partial<Record<RuleId, RuleFn>>;
  personalDomains: Record<string, PersonalDomain>;
}

export interface ProbeStage {
  name: string;
  ok: boolean;
  ms: number;
  skipped?: string;
}

export interface ProbeError {
  code: string;
  stage: string;
  providerCode: string | null;
  serverText: string | null;
  message: string;
  fix?: string;
  help: string;
  also?: string | null;
}

export interface ProbeResult extends CheckerServer {
  ok: boolean;
  stages: ProbeStage[];
  error: ProbeError | null;
}

/* Generated from data/schema/provider.schema.json by `npm run types`. Do not edit. */

/**
 * A lowercase domain name, e.g. 163.com.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "domain".
 */
export type Domain = string;
/**
 * An English heading or row id on the guide page, lowercase with hyphens.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "anchorId".
 */
export type AnchorId = string;
/**
 * Confidence from ../shared/reference/providers-facts.md.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "source".
 */
export type Source = 'site' | 'site-EN' | 'official' | 'observed' | '3p' | 'unverified' | 'conflict';
/**
 * The checker's catalogue code this reply maps to.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "probeCode".
 */
export type ProbeCode =
  | 'TARGET_BLOCKED'
  | 'DNS_NOT_FOUND'
  | 'DNS_FAILED'
  | 'TCP_REFUSED'
  | 'TCP_TIMEOUT'
  | 'TLS_FAILED'
  | 'TLS_CERT_EXPIRED'
  | 'TLS_CERT_UNTRUSTED'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'STARTTLS_UNSUPPORTED'
  | 'GREETING_TIMEOUT'
  | 'PROTOCOL_MISMATCH'
  | 'CONNECTION_CLOSED'
  | 'AUTH_FAILED'
  | 'AUTH_CODE_REQUIRED'
  | 'AUTH_IP_DENIED'
  | 'AUTH_DOMAIN_NOT_HOSTED'
  | 'AUTH_RATE_LIMITED'
  | 'AUTH_BASIC_DISABLED'
  | 'AUTH_ACCOUNT_NOT_FOUND'
  | 'AUTH_SERVICE_DISABLED'
  | 'ACCOUNT_EXPIRED'
  | 'ACCOUNT_NEEDS_PHONE'
  | 'SERVER_BUSY'
  | 'SEND_LIMITED'
  | 'IMAP_ID_REQUIRED'
  | 'AUTH_MECHANISM_UNSUPPORTED'
  | 'TIMEOUT';

/**
 * One mailbox provider: what the guides render and what the checker probes. One file per provider in data/providers/<id>.json; the file name must equal the id.
 */
export interface Provider {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * Stable provider id: lowercase letters, digits and hyphens, starting with a letter; equal to the file name.
   */
  id: string;
  /**
   * enterprise (company domain) or personal (the provider's own domain).
   */
  kind: 'enterprise' | 'personal';
  names: Localized;
  /**
   * Web address users know the provider by, without scheme, e.g. qiye.163.com or mail.163.com for webmail.
   */
  website?: string;
  /**
   * Where the provider is based, for grouping personal mailboxes on the overview: cn = a Chinese provider; global = an international one, which readers in China may reach only slowly. Required for personal providers (a registry test checks it).
   */
  region?: 'cn' | 'global';
  /**
   * Where the guide for this provider lives.
   */
  guide: {
    /**
     * Permanent slug: the page lives at /youxiang/<slug>. Never change it: links to it sit in chats.
     */
    slug: string;
    /**
     * true when this site has the page (docs/<slug>.mdx in both locales); false when it is only on laifa.xin.
     */
    hosted: boolean;
    /**
     * Set when this provider has no page of its own and its guide is one section of another page (e.g. Microsoft 365 on the enterprise overview): that section's heading id. Links to the guide then land on it.
     */
    section?: string;
  };
  /**
   * Address domains that belong to this provider (personal mailboxes, e.g. 163.com). Empty or absent for company domains.
   */
  emailDomains?: Domain[];
  /**
   * Server sets in order of preference; the first is what the checker fills in.
   *
   * @minItems 1
   */
  serverSets: [ServerSet, ...ServerSet[]];
  credential: Credential;
  /**
   * MX host names that identify the provider: an exact host, or *.suffix for any host under suffix.
   */
  mx: string[];
  /**
   * What the provider's servers say, most specific first.
   */
  errors: ProviderError[];
  pitfalls: Pitfall[];
  /**
   * Click paths through the provider's UI, by id.
   */
  paths: ClickPath[];
  sending?: Sending;
  /**
   * An English heading or row id on the guide page, lowercase with hyphens.
   */
  computerOnly?: string;
  /**
   * Screenshots of the provider's settings screens and of Laifaxin's binding form, in the order they appear on the guide. The build puts each at the end of its section, in both locales; a missing section stops the build.
   */
  screenshots?: Screenshot[];
}
/**
 * Text in Simplified Chinese and English.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "localized".
 */
export interface Localized {
  /**
   * Simplified Chinese text.
   */
  'zh-Hans': string;
  /**
   * English text.
   */
  en: string;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "serverSet".
 */
export interface ServerSet {
  id: AnchorId;
  /**
   * recommended = fill in first; backup = when recommended fails; alternative = same servers another way (e.g. STARTTLS); regional = for accounts in another data centre; domain = the servers of some of the provider's own address domains, listed in domains (e.g. 111.com on 完美邮箱), which the checker fills in for those addresses only.
   */
  role: 'recommended' | 'backup' | 'alternative' | 'regional' | 'domain';
  label: Localized;
  note?: Localized;
  /**
   * Address domains this set serves, when a provider's domains use different hosts (e.g. 111.com on 完美邮箱). The checker picks the set that serves the typed address. Absent = every domain of the provider.
   *
   * @minItems 1
   */
  domains?: [Domain, ...Domain[]];
  /**
   * @minItems 1
   */
  servers: [Server, ...Server[]];
  source: Source;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "server".
 */
export interface Server {
  /**
   * imap (receive) or smtp (send).
   */
  protocol: 'imap' | 'smtp';
  /**
   * Host name; {domain} stands for the user's mail domain, e.g. imap.{domain}.
   */
  host: string;
  /**
   * TCP port: 993 or 143 for IMAP, 465 or 587 for SMTP.
   */
  port: number;
  /**
   * ssl = implicit TLS from the first byte (993, 465); starttls = upgrade after the greeting (143, 587).
   */
  security: 'ssl' | 'starttls';
}
/**
 * What goes into the password field of the binding form.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "credential".
 */
export interface Credential {
  name: Localized;
  /**
   * auth-code/app-password = generated by the provider; login-password = the web password; client-password = a separate password the user sets.
   */
  kind: 'auth-code' | 'app-password' | 'login-password' | 'client-password';
  /**
   * An English heading or row id on the guide page, lowercase with hyphens.
   */
  anchor?: string;
  /**
   * Exact number of characters once spaces (and, for hyphenated codes, hyphens) are set aside, when the provider states it. The checker refuses any other length, so set it only from the provider's own statement.
   */
  length?: number;
  /**
   * Characters a generated code is made of, when the provider states it.
   */
  charset?: 'letters' | 'alphanumeric';
  /**
   * true when the provider shows the code in groups separated by spaces that are only for reading: the checker accepts it with or without them and sends it without.
   */
  stripSpaces?: boolean;
  /**
   * true when the code is shown as groups joined by hyphens (xxxx-xxxx-xxxx-xxxx) and is entered with them, hyphens included. Hyphens do not count toward length.
   */
  hyphenated?: boolean;
  /**
   * Set when the provider currently refuses every password a mail app can send (e.g. Outlook.com since 2024-09-16: login and app passwords alike), so nothing typed into the password field can bind. One sentence saying so; the first-screen card and the overviews show it instead of the credential's shape.
   */
  blocked?: Localized;
  /**
   * true when the code cannot be displayed again after it is created.
   */
  shownOnce?: boolean;
  /**
   * dated = each code has an expiry date; on-password-change = changing the account password revokes it; on-revoke = valid until deleted; unknown = not stated.
   */
  expires: 'dated' | 'on-password-change' | 'on-revoke' | 'unknown';
  expiry?: Localized;
  prerequisites: {
    id: AnchorId;
    text: Localized;
    anchor?: AnchorId;
  }[];
  source?: Source;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "providerError".
 */
export interface ProviderError {
  id: AnchorId;
  /**
   * The string as users see it in a client, e.g. 535 5.7.0 ERR.LOGIN.REQCODE. Defaults to match.literal.
   */
  display?: string;
  /**
   * The provider's own code, e.g. ERR.LOGIN.IPDENY, reported by the checker.
   */
  providerCode?: string;
  /**
   * How to recognize the reply: literal = case-insensitive substring; pattern = case-insensitive regular expression.
   */
  match: {
    literal?: string;
    pattern?: string;
  };
  /**
   * Only match replies of these protocols; absent = both.
   *
   * @minItems 1
   */
  protocols?: ['imap' | 'smtp', ...('imap' | 'smtp')[]];
  /**
   * Where the reply arrives; absent = auth.
   */
  stage?: 'greeting' | 'capabilities' | 'auth' | 'after-auth';
  /**
   * true when the reply's words are too common to name this provider by themselves (Microsoft's `NO LOGIN failed.`, which other servers send too): the entry applies only when the guide, the address's domain or the probed server already point to this provider.
   */
  needsContext?: boolean;
  code: ProbeCode;
  meaning: Localized;
  fix: Localized;
  anchor: AnchorId;
  source: Source;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "pitfall".
 */
export interface Pitfall {
  id: AnchorId;
  title: Localized;
  consequence: Localized;
  avoid: Localized;
  anchor?: AnchorId;
  source?: Source;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "clickPath".
 */
export interface ClickPath {
  id: AnchorId;
  audience: 'user' | 'admin';
  /**
   * Where to start, without scheme, e.g. qiye.163.com/admin/.
   */
  start?: string;
  /**
   * @minItems 1
   */
  steps: [
    {
      label: Localized;
      /**
       * What to do with it; absent = click.
       */
      action?: 'click' | 'tick' | 'select' | 'type' | 'copy' | 'scan' | 'verify';
      value?: Localized;
    },
    ...{
      label: Localized;
      /**
       * What to do with it; absent = click.
       */
      action?: 'click' | 'tick' | 'select' | 'type' | 'copy' | 'scan' | 'verify';
      value?: Localized;
    }[]
  ];
  source?: Source;
}
/**
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "sending".
 */
export interface Sending {
  warmup?: {
    stage: Localized;
    daily: Localized;
    note: Localized;
  }[];
  notes?: Localized[];
  source?: Source;
}
/**
 * One screenshot on the guide page. Its date is read from the file name (a 13-digit millisecond timestamp such as 1721143384602, or 20240716201913); give taken only when the name is not a timestamp.
 *
 * This interface was referenced by `Provider`'s JSON-Schema
 * via the `definition` "screenshot".
 */
export interface Screenshot {
  /**
   * The image on Laifaxin's file host (https://cos.files.maozhishi.com/…, .png, .jpg or .webp); the pages link to it and the Content-Security-Policy allows only that host for images. Never fetched at build time.
   */
  url: string;
  /**
   * An English heading or row id on the guide page, lowercase with hyphens.
   */
  section: string;
  /**
   * What the screenshot shows, short, in each language: the image's alt text and its caption.
   */
  alt: Localized;
  /**
   * Month the screenshot was taken, YYYY-MM. Required when the file name is not a timestamp; not allowed when it is (the name already says it).
   */
  taken?: string;
}

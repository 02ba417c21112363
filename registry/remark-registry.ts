// Resolves registry references in MDX at build time. Components get their data as a
// prop (only the slice they render, in the page's locale) and are imported by the page
// that uses them, so a guide's chunk carries its own components and facts and nothing
// else; inline references to a host, port or error code become plain code text, so
// pages never type them by hand and ship no data for them.
import type { Node, Parent } from 'unist';
import { visit, SKIP } from 'unist-util-visit';
import { valueToEstree } from 'estree-util-value-to-estree';
import { loadProbeCodes, loadRegistry, type ProbeCodeEntry } from './load';
import { localeOfFile, type Locale } from './localize';
import { componentImport } from './mdx-import';
import * as pageData from './page-data';
import type { ProbeCode, Provider } from './types';

interface JsxAttribute { type: 'mdxJsxAttribute'; name: string; value?: unknown }
interface JsxElement extends Parent { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: JsxAttribute[]; position?: Node['position'] }

type Builder = (ctx: {
  provider: () => Provider;
  attr: (name: string) => string | undefined;
  locale: Locale;
  providers: Provider[];
  codes: Record<ProbeCode, ProbeCodeEntry>;
  /** The explicit id of the heading the component sits under. */
  section: string | undefined;
}) => unknown;

// Every component a page may use; those without a builder need no registry data.
const components: Record<string, Builder | null> = {
  GuideFinder: ({ providers, locale }) => pageData.finderData(providers, locale),
  ServerTable: ({ provider, attr, locale }) => pageData.serverTableData(provider(), locale, attr('sets')?.split(',').map((s) => s.trim())),
  BindingFields: ({ provider, locale }) => pageData.bindingFieldsData(provider(), locale),
  ErrorTable: ({ provider, locale, section }) => pageData.errorTableData(provider(), locale, section),
  PitfallTable: ({ provider, locale }) => pageData.pitfallTableData(provider(), locale),
  ClickPath: ({ provider, attr }) => pageData.clickPathData(provider(), required(attr, 'path')),
  WarmupTable: ({ provider, locale }) => pageData.warmupTableData(provider(), locale),
  ProviderOverview: ({ providers, locale, attr }) =>
    pageData.providerOverviewData(providers, locale, attr('kind'), attr('region')),
  QuickSetup: ({ provider, locale }) => pageData.quickSetupData(provider(), locale),
  CredentialFacts: ({ provider, locale }) => pageData.credentialFactsData(provider(), locale),
  ErrorIndex: ({ providers, codes, locale }) => pageData.errorIndexData(providers, codes, locale),
  Checker: ({ provider, locale }) => pageData.checkerData(provider(), locale),
  // Its entries load when the reader first uses it (plugins/registry-plugin.ts, @youxiang/lookup-data).
  ErrorLookup: null,
  ExpiryReminder: ({ provider, locale }) => pageData.expiryReminderData(provider(), locale),
  // Placed by remark-screenshots from the registry, never written into a page by hand.
  Screenshots: ({ provider, attr, locale }) => pageData.screenshotsData(provider(), locale, required(attr, 'section')),
  ComputerOnly: ({ provider, locale }) => pageData.computerOnlyData(provider(), locale),
};

type Inline = (ctx: { provider: () => Provider; attr: (name: string) => string | undefined; providers: Provider[] }) => string;

const inlines: Record<string, Inline> = {
  ErrCode: ({ attr, providers }) => {
    const id = required(attr, 'id');
    const error = providers.flatMap((p) => p.errors).find((e) => e.id === id);
    if (!error) throw new Error(`no provider error has the id "${id}"`);
    return error.providerCode ?? pageData.errorText(error);
  },
  Host: ({ provider, attr }) => pageData.findServer(provider(), attr('set'), protocolOf(attr)).host,
  Port: ({ provider, attr }) => String(pageData.findServer(provider(), attr('set'), protocolOf(attr)).port),
};

function required(attr: (name: string) => string | undefined, name: string): string {
  const value = attr(name);
  if (!value) throw new Error(`the attribute ${name}="…" is required`);
  return value;
}

function protocolOf(attr: (name: string) => string | undefined): 'imap' | 'smtp' {
  const protocol = required(attr, 'protocol');
  if (protocol !== 'imap' && protocol !== 'smtp') throw new Error(`protocol must be "imap" or "smtp", not "${protocol}"`);
  return protocol;
}

/** A heading's explicit `{/* #id *\/}` id, before Docusaurus has turned it into the heading's id. */
export function explicitHeadingId(node: Node): string | undefined {
  if (node.type !== 'heading') return undefined;
  const last = (node as Parent).children.at(-1) as { type: string; value?: string } | undefined;
  return last?.type === 'mdxTextExpression' ? /^\s*\/\*\s*#([^\s*]+)/.exec(last.value ?? '')?.[1] : undefined;
}

/** The `{/* #id *\/}` id of the nearest heading before position `index` among the siblings. */
function headingIdBefore(parent: Parent, index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const node = parent.children[i] as Node;
    if (node.type === 'heading') return explicitHeadingId(node);
  }
  return undefined;
}

function dataAttribute(value: unknown): JsxAttribute {
  const expression = valueToEstree(value);
  return {
    type: 'mdxJsxAttribute',
    name: 'data',
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }] } },
    },
  };
}

let cached: { providers: Provider[]; codes: Record<ProbeCode, ProbeCodeEntry> } | undefined;
function registry() {
  cached ??= { providers: loadRegistry(), codes: loadProbeCodes() };
  return cached;
}

export default function remarkRegistry() {
  return (tree: Node, file: { path?: string }) => {
    const { providers, codes } = registry();
    const locale = localeOfFile(file.path ?? '');
    const used = new Set<string>();
    visit(tree, (node, index, parent) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element = node as JsxElement;
      const name = element.name ?? '';
      const table = components[name];
      const inline = inlines[name];
      if (table === undefined && !inline) return;
      const attr = (key: string) => {
        const found = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === key);
        if (found && found.value != null && typeof found.value !== 'string') {
          throw new Error(`<${name}> ${key} must be a plain string attribute, e.g. ${key}="a,b", not an expression`);
        }
        return found?.value as string | undefined;
      };
      const provider = () => {
        const id = required(attr, 'provider');
        const found = providers.find((p) => p.id === id);
        if (!found) throw new Error(`no provider "${id}" in data/providers (known: ${providers.map((p) => p.id).join(', ')})`);
        return found;
      };
      const where = `${file.path ?? 'MDX'}:${element.position?.start.line ?? '?'}`;
      try {
        if (table !== undefined) {
          used.add(name);
          const section = parent && index !== undefined ? headingIdBefore(parent as Parent, index) : undefined;
          if (table) element.attributes = [...element.attributes.filter((a) => a.name !== 'data'), dataAttribute(table({ provider, attr, locale, providers, codes, section }))];
          return SKIP;
        }
        const value = inline!({ provider, attr, providers });
        if (parent && index !== undefined) {
          const code = { type: 'inlineCode', value };
          // A flow element (alone on its line) still needs a paragraph around the code.
          (parent as Parent).children[index] = element.type === 'mdxJsxFlowElement' ? ({ type: 'paragraph', children: [code] } as Node) : (code as Node);
        }
        return SKIP;
      } catch (error) {
        throw new Error(`${where}: <${name}>: ${(error as Error).message}`);
      }
    });
    (tree as Parent).children.unshift(...[...used].sort().map((name) => componentImport(name) as Node));
  };
}

// A guide is nearly all text and tables, and hydrating it was most of the main thread's work
// on a phone after the text was already on screen (issue 17). So the body is split into
// static runs and islands. Islands are the components declared in src/components/islands.ts;
// everything else is static. Each maximal run of static nodes becomes one <StaticRun>: the
// server build renders it in full, the client build gets it without content, and React then leaves the
// server's HTML in place (src/components/StaticRun). A section of a guide with no island is
// itself the run, so the layout rules for sections hold as before.
//
// The client bundle no longer carries the static text, so a client-side navigation could not
// render a guide: src/client/full-page-loads.ts makes every move to another page a page load.
// `docusaurus start` has no server build, so there nothing is emptied.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { valueToEstree } from 'estree-util-value-to-estree';
import { componentImport } from '../registry/mdx-import';
import { islandComponents, islandElements } from '../src/components/islands';

interface JsxAttribute { type: 'mdxJsxAttribute'; name: string; value?: unknown }
interface JsxElement { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: JsxAttribute[]; children: Node[]; data?: unknown }
type Node = RootContent | ElementContent | JsxElement;

const STATIC_RUN = 'StaticRun';

const isJsx = (node: Node): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

function isIsland(node: Node): boolean {
  if (isJsx(node)) return Boolean(node.name && islandComponents.has(node.name));
  return node.type === 'element' && islandElements.has(node.tagName);
}

function hasIsland(node: Node): boolean {
  return isIsland(node) || ('children' in node && (node.children as Node[]).some(hasIsland));
}

const blank = (node: Node) => node.type === 'text' && !node.value.trim();

function expression(name: string, value: unknown): JsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression: valueToEstree(value) }] } },
    },
  };
}

/** `contain-intrinsic-size:auto 900px` → `{ containIntrinsicSize: 'auto 900px' }`, as React takes a style. */
function styleObject(style: string): Record<string, string> {
  const entries = style
    .split(';')
    .map((declaration) => declaration.split(/:(.*)/s).map((part) => part.trim()))
    .filter(([property, value]) => property && value)
    .map(([property, value]) => [property.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), value]);
  return Object.fromEntries(entries);
}

function staticRun(children: Node[], keep: boolean, n: number, as: 'div' | 'span' | 'section', element?: Element): JsxElement {
  const attributes: JsxAttribute[] = [expression('n', n), { type: 'mdxJsxAttribute', name: 'as', value: as }];
  const className = element ? ([] as unknown[]).concat(element.properties.className ?? []).join(' ') : 'static-run';
  if (className) attributes.push({ type: 'mdxJsxAttribute', name: 'className', value: className });
  if (typeof element?.properties.style === 'string') attributes.push(expression('style', styleObject(element.properties.style)));
  return { type: as === 'span' ? 'mdxJsxTextElement' : 'mdxJsxFlowElement', name: STATIC_RUN, attributes, children: keep ? children : [] };
}

// Phrasing containers may only hold phrasing content.
const PHRASING = /^(p|h[1-6]|a|span|em|strong|code|td|th)$/;

/** `counter.runs` numbers the runs of one page in document order, which is how the client finds each run's server HTML. */
function split(children: Node[], keep: boolean, inline: boolean, counter: { runs: number }): Node[] {
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.every(blank)) out.push(...run);
    else out.push(staticRun(run, keep, counter.runs++, inline ? 'span' : 'div'));
    run = [];
  };
  for (const child of children) {
    // Imports and exports stay at the top level of the module.
    if (child.type === ('mdxjsEsm' as string)) {
      flush();
      out.push(child);
    } else if (!hasIsland(child)) {
      // A whole section carries its own HTML; grouping sections would change what the layout rules select.
      if (child.type === 'element' && child.tagName === 'section') {
        flush();
        out.push(staticRun(child.children, keep, counter.runs++, 'section', child));
      } else run.push(child);
    } else {
      flush();
      if (!isIsland(child) && 'children' in child) {
        (child as { children: Node[] }).children = split(child.children as Node[], keep, inline || (child.type === 'element' ? PHRASING.test(child.tagName) : child.type === 'mdxJsxTextElement'), counter);
      }
      out.push(child);
    }
  }
  flush();
  return out;
}

export default function rehypeIslands() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const keep = !(file.data.compilerName === 'client' && process.env.NODE_ENV === 'production');
    const counter = { runs: 0 };
    const children = split(tree.children as Node[], keep, false, counter);
    tree.children = (counter.runs ? [componentImport(STATIC_RUN) as unknown as RootContent, ...children] : children) as RootContent[];
  };
}

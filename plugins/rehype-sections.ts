// A guide is long (the NetEase page is some fifteen phone screens) and a reader from a chat
// link reads the first one. Each part of a guide from one h2 to the next becomes a <section>
// that the browser may skip laying out and painting until it nears the screen
// (content-visibility: auto, src/css/custom.css), so the first paint does not wait for the
// whole page. A skipped section takes the height given here, estimated from its content for a
// phone-width screen, so the scrollbar barely moves when it is rendered; the browser then
// remembers the real height ("auto"). What comes before the first h2 (the first-screen card
// and the introduction) is never skipped.
import type { Element, ElementContent, Root, RootContent } from 'hast';

// A 390-px phone: a 358-px text column, 16-px body text on 27-px lines.
const LINE = 27;
const CJK_PER_LINE = 22;
const LATIN_PER_LINE = 44;
const BLOCK_GAP = 20;

interface JsxElement {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name: string; value?: unknown }[];
  children: ElementContent[];
}

type Node = RootContent | ElementContent | JsxElement;

function text(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Node[]).map(text).join('');
  return '';
}

/** How many lines' worth a run of text fills on a phone: CJK characters are about twice as wide as Latin ones. */
function width(value: string): number {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  const cjk = (trimmed.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;
  return cjk / CJK_PER_LINE + (trimmed.length - cjk) / LATIN_PER_LINE;
}

const lines = (value: string, share = 1) => Math.max(1, Math.ceil(width(value) * share));

function data(node: JsxElement): Record<string, unknown> {
  const attribute = node.attributes.find((a) => a.name === 'data');
  const value = (attribute?.value as { value?: string } | undefined)?.value;
  return value ? (JSON.parse(value) as Record<string, unknown>) : {};
}

const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
const textOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? ''));

/** Rough heights of the registry components, from the rows they render. English UI labels
 *  carry their Chinese original beside them (ClickPath), so they take more room. */
function componentHeight(node: JsxElement, english: boolean): number {
  const d = data(node);
  switch (node.name) {
    case 'ServerTable':
      return list(d.sets).reduce((sum, set) => sum + 90 + 75 * list(set.servers).length, 0);
    case 'BindingFields':
      return 380;
    // Steps flow on one line where they fit: about two to a phone line, one in English.
    case 'ClickPath':
      return 30 + 38 * Math.ceil(list(d.steps).length / (english ? 1 : 2));
    case 'ErrorTable':
      return list(d.errors).reduce((sum, e) => sum + 60 + LINE * (lines(textOf(e.text)) + lines(textOf(e.meaning)) + lines(textOf(e.fix))), 0);
    case 'PitfallTable':
      return list(d.pitfalls).reduce((sum, p) => sum + 40 + LINE * (lines(textOf(p.title)) + lines(textOf(p.consequence)) + lines(textOf(p.avoid))), 0);
    case 'WarmupTable':
      return 60 + 80 * list(d.rows).length;
    case 'ProviderOverview':
      return list(d.providers).length * (english ? 260 : 190);
    case 'ErrorIndex':
      return (
        list(d.providers).reduce((sum, p) => sum + 50 + list(p.errors).reduce((s, e) => s + 60 + LINE * lines(`${textOf(e.meaning)} ${textOf(e.fix)}`), 0), 0) +
        list(d.codes).reduce((sum, c) => sum + 70 + LINE * (lines(textOf(c.message)) + lines(textOf(c.fix)) + (c.registryHost ? 4 : 0)), 0)
      );
    case 'GuideFinder':
    case 'ErrorLookup':
      return 120;
    case 'ExpiryReminder':
      return 140;
    // A fixed 240-px frame and a two-line caption per screenshot (src/components/Screenshots).
    case 'Screenshots':
      return list(d.shots).length * 320;
    case 'ComputerOnly':
      return english ? 190 : 170;
    // The server draws the checker's whole form in its place (Checker/FormPreview): at 390 px
    // about 840 px in Chinese and 930 in English for a provider with two server sets. An
    // estimate of one line made the section grow by that much as it first rendered, and at the
    // foot of a guide that moved the footer on screen.
    case 'Checker':
      return english ? 930 : 840;
    default:
      return 250;
  }
}

const elements = (nodes: Node[]) => nodes.filter((n): n is Element => n.type === 'element');

function height(node: Node, english: boolean): number {
  if (node.type === 'mdxJsxFlowElement') {
    // Lower-case JSX names are plain elements, such as the empty live-anchor spans.
    const jsx = node as JsxElement;
    return jsx.name && /^[A-Z]/.test(jsx.name) ? componentHeight(jsx, english) + BLOCK_GAP : 0;
  }
  if (node.type !== 'element') return 0;
  switch (node.tagName) {
    case 'h2':
      return 30 + 32 * lines(text(node)) + 20;
    case 'h3':
    case 'h4':
      return 25 + 28 * lines(text(node)) + 15;
    case 'table': {
      // Cells share the width: a row is as tall as its longest cell at 1/columns of the line.
      const rows = elements(node.children).flatMap((part) => elements(part.children));
      return rows.reduce((sum, row) => {
        const cells = elements(row.children);
        return sum + 24 + LINE * Math.max(1, ...cells.map((cell) => lines(text(cell), cells.length * 1.15)));
      }, 0) + BLOCK_GAP;
    }
    case 'ul':
    case 'ol':
      return (node.children as Node[]).reduce((sum, item) => sum + (item.type === 'element' ? LINE * lines(text(item)) + 5 : 0), 0) + BLOCK_GAP;
    case 'div':
      // An admonition: its title line, its text and its padding.
      return 60 + LINE * lines(text(node)) + BLOCK_GAP;
    default:
      return LINE * lines(text(node)) + BLOCK_GAP;
  }
}

const isLiveAnchor = (node: RootContent) =>
  node.type === ('mdxJsxFlowElement' as string) && (node as unknown as JsxElement).attributes.some((a) => a.name === 'className' && a.value === 'live-anchor');

function section(children: RootContent[], english: boolean): Element {
  const estimate = Math.round(children.reduce((sum, child) => sum + height(child, english), 0));
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['guide-section'], style: `contain-intrinsic-size:auto ${estimate}px` },
    children: children as ElementContent[],
  };
}

export default function rehypeSections() {
  return (tree: Root, file: { path?: string }) => {
    const english = /[\\/]i18n[\\/]en[\\/]/.test(file.path ?? '');
    const out: RootContent[] = [];
    let current: RootContent[] | null = null;
    for (const child of tree.children) {
      // Imports and exports stay at the top level of the module.
      if (child.type === ('mdxjsEsm' as string)) {
        out.push(child);
        continue;
      }
      if (child.type === 'element' && child.tagName === 'h2') {
        // Live-anchor aliases just above the h2 (registry/remark-live-anchors.ts) open its section.
        const previous = current ?? out;
        const aliases: RootContent[] = [];
        while (previous.length && (isLiveAnchor(previous[previous.length - 1]) || previous[previous.length - 1].type === 'text')) aliases.unshift(previous.pop()!);
        if (current) out.push(section(current, english));
        current = aliases;
      }
      if (current) current.push(child);
      else out.push(child);
    }
    if (current) out.push(section(current, english));
    tree.children = out;
  };
}

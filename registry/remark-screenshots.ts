// Puts each provider's screenshots (data/providers/<id>.json `screenshots`) on its guide, in both
// locales, at the end of the section each names, before a closing tip or warning; and the
// "do this at a computer" note (`computerOnly`) at the top of its section. The pages' text
// carries no line for either, so the helpers and writers editing a page's words never touch
// them, and a screenshot can't be left out of one locale. A section the page lacks stops the build.
// Runs before remark-registry, which gives the inserted components their data and imports.
import { basename } from 'node:path';
import type { Node, Parent } from 'unist';
import { loadRegistry } from './load';
import { explicitHeadingId } from './remark-registry';
import type { Provider } from './types';

let cached: Provider[] | undefined;

function component(name: string, attributes: Record<string, string>): Node {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children: [],
  } as Node;
}

export default function remarkScreenshots() {
  return (tree: Node, file: { path?: string }) => {
    cached ??= loadRegistry();
    const slug = basename(file.path ?? '').replace(/\.mdx?$/, '');
    const root = tree as Parent;
    const headingAt = (provider: Provider, id: string) => {
      const index = root.children.findIndex((node) => explicitHeadingId(node) === id);
      if (index < 0) throw new Error(`${file.path ?? slug}: data/providers/${provider.id}.json places something under #${id}, which is not a heading id on this page`);
      return index;
    };
    for (const provider of cached.filter((p) => p.guide.slug === slug && !p.guide.section)) {
      for (const section of new Set((provider.screenshots ?? []).map((s) => s.section))) {
        const heading = headingAt(provider, section);
        let end = heading + 1;
        while (end < root.children.length && root.children[end].type !== 'heading') end += 1;
        while (end > heading + 1 && root.children[end - 1].type === 'containerDirective') end -= 1;
        root.children.splice(end, 0, component('Screenshots', { provider: provider.id, section }));
      }
      if (provider.computerOnly) root.children.splice(headingAt(provider, provider.computerOnly) + 1, 0, component('ComputerOnly', { provider: provider.id }));
    }
  };
}

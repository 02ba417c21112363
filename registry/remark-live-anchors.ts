// Keeps the section links already sitting in chats working: before each heading that a
// live anchor maps to, an empty element carrying the live id. It is a sibling, not part of
// the heading, so the table of contents and the heading's own English id stay as they are.
// Runs after Docusaurus' heading plugin, when every heading has its final id.
import { basename } from 'node:path';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import { loadLiveAnchors, type LiveAnchors } from './live-anchors';

interface Heading extends Parent {
  type: 'heading';
  data?: { id?: string };
}

let cached: Map<string, LiveAnchors> | undefined;

function anchorElement(id: string): Node {
  return {
    type: 'mdxJsxFlowElement',
    name: 'span',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'id', value: id },
      { type: 'mdxJsxAttribute', name: 'className', value: 'live-anchor' },
    ],
    children: [],
  } as Node;
}

export default function remarkLiveAnchors() {
  return (tree: Node, file: { path?: string }) => {
    cached ??= loadLiveAnchors();
    const slug = basename(file.path ?? '').replace(/\.mdx?$/, '');
    const anchors = cached.get(slug);
    if (!anchors) return;
    const headings = new Map<string, { heading: Heading; parent: Parent }>();
    visit(tree, 'heading', (node, _index, parent) => {
      const id = (node as Heading).data?.id;
      if (id && parent) headings.set(id, { heading: node as Heading, parent });
    });
    const where = file.path ?? slug;
    for (const [live, target] of Object.entries(anchors)) {
      if (live === target) {
        if (!headings.has(target)) throw new Error(`${where}: live anchor #${live} has no heading with that id on this page`);
        continue;
      }
      if (headings.has(live)) throw new Error(`${where}: live anchor #${live} is also a heading id here; map it to that heading (itself) or rename the heading`);
      const found = headings.get(target);
      if (!found) throw new Error(`${where}: live anchor #${live} points at #${target}, which is not a heading id on this page (data/live-anchors/${slug}.json)`);
      found.parent.children.splice(found.parent.children.indexOf(found.heading), 0, anchorElement(live));
    }
  };
}

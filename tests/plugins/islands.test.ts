// plugins/rehype-islands.ts hands a guide's static runs to the browser as HTML React never
// hydrates, and src/components/islands.ts names what must still hydrate. A widget that is
// missing from that list would be drawn by the server and dead in the reader's browser; a
// change that put the text back into the client bundle would bring back the hydration work
// issue 17 removed. Both fail here.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import rehypeIslands from '../../plugins/rehype-islands';
import rehypeSections from '../../plugins/rehype-sections';
import { islandComponents } from '../../src/components/islands';
import { docsDirs, listPages } from '../support/pages';
import { root } from '../support/site';

const page = `
import Checker from './Checker';
import ServerTable from './ServerTable';

<ServerTable provider="x" />

Intro text before the first heading.

## Servers {/* #servers */}

A paragraph only the server renders.

## Check {/* #checker */}

Text above the checker.

<Checker provider="x" />

Text below the checker.
`;

async function compiled(compilerName: 'client' | 'server'): Promise<string> {
  const file = new VFile({ value: page, path: '/site/docs/youxiang/x.mdx', data: { compilerName } });
  return String(await compile(file, { rehypePlugins: [rehypeSections, rehypeIslands] }));
}

describe('the static runs of a page', () => {
  const env = process.env.NODE_ENV;
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
  });
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  it('are left out of the client bundle, islands kept', async () => {
    const client = await compiled('client');
    for (const text of ['Intro text', 'A paragraph only the server renders', 'Text above the checker', 'Text below the checker', 'ServerTable, {']) {
      expect(client, text).not.toContain(text);
    }
    expect(client).toContain('_jsx(Checker');
    // Four runs: the introduction, the static section, and the two sides of the checker.
    expect(client.match(/_jsx\(StaticRun/g)).toHaveLength(4);
  });

  it('are rendered in full by the server build', async () => {
    const server = await compiled('server');
    for (const text of ['Intro text', 'A paragraph only the server renders', 'Text above the checker', 'Text below the checker']) expect(server).toContain(text);
    expect(server).toContain('_jsx(Checker');
  });

  it('keep the section element, its class and its estimated height', async () => {
    const client = await compiled('client');
    expect(client).toMatch(/_jsx\(StaticRun, \{\s*n: \d+,\s*as: "section",\s*className: "guide-section",\s*style: \{\s*"?containIntrinsicSize"?: "auto \d+px"/);
  });
});

// What makes a component need the browser: React state, effects or event handlers.
const BEHAVIOUR = /\buse(State|Effect|LayoutEffect|Reducer|SyncExternalStore|Transition|ActionState)\(|\son[A-Z][A-Za-z]*=\{/;

/** The source files of a component and of the sibling components it imports, transitively. */
function sources(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const dir = join(root, 'src', 'components', name);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
  const imported = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '(?:\.\.|@site\/src\/components)\/([A-Z]\w+)'/g)].map((m) => m[1]));
  return [...files, ...imported.flatMap((n) => sources(n, seen))];
}

describe('the island registry', () => {
  const used = new Set(
    (['zh-Hans', 'en'] as const).flatMap((locale) =>
      listPages(locale).flatMap((file) => [...readFileSync(join(docsDirs[locale], file), 'utf8').matchAll(/<([A-Z]\w+)/g)].map((m) => m[1])),
    ),
  );

  it('names every component a page uses that has state, effects or handlers', () => {
    expect(used.size).toBeGreaterThan(5);
    const withBehaviour = [...used].filter((name) => sources(name).some((f) => BEHAVIOUR.test(readFileSync(f, 'utf8')))).sort();
    expect(withBehaviour).toEqual([...islandComponents].filter((name) => used.has(name)).sort());
  });
});

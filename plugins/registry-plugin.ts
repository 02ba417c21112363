// Loads and validates the provider registry once per build: an invalid file stops the
// build with messages naming the file and field. Pages get their data through the
// remark plugin; the client gets only a small index used by the guide finder.
import type { LoadContext, Plugin } from '@docusaurus/types';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, loadRegistry, providersDir } from '../registry/load';
import { guidePath } from '../registry/links';

export interface RegistryIndexEntry {
  id: string;
  /** Both languages: global data is shared by the locales, and the finder names the provider it found. */
  names: { 'zh-Hans': string; en: string };
  guide: string;
  domains: string[];
}

// Every file a page's compiled MDX depends on through remark-registry. Rspack's
// persistent cache does not see them, so without this a data-only change would be
// served from the cache with the old rows.
function registryFiles(): string[] {
  const registryDir = join(dataDir, '..', 'registry');
  return [
    ...readdirSync(providersDir).map((f) => join(providersDir, f)),
    ...readdirSync(join(dataDir, 'schema')).map((f) => join(dataDir, 'schema', f)),
    join(dataDir, 'probe-codes.json'),
    ...readdirSync(registryDir).filter((f) => f.endsWith('.ts')).map((f) => join(registryDir, f)),
  ];
}

export default function registryPlugin(_context: LoadContext): Plugin<RegistryIndexEntry[]> {
  return {
    name: 'youxiang-registry',
    getPathsToWatch: () => [`${providersDir}/*.json`],
    configureWebpack(config) {
      const cache = (config.experiments as { cache?: unknown } | undefined)?.cache;
      if (!cache || typeof cache !== 'object') return {};
      return { experiments: { cache: { buildDependencies: registryFiles() } } } as never;
    },
    async loadContent() {
      return loadRegistry().map((p) => ({ id: p.id, names: p.names, guide: guidePath(p), domains: p.emailDomains ?? [] }));
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
  };
}

// Loads and validates the provider registry once per build: an invalid file stops the
// build with messages naming the file and field. Pages get their data through the
// remark plugin; the client gets only a small index used by the guide finder.
import type { LoadContext, Plugin } from '@docusaurus/types';
import { loadRegistry, providersDir } from '../registry/load';
import { guidePath } from '../registry/links';

export interface RegistryIndexEntry {
  id: string;
  /** Both languages: global data is shared by the locales, and the finder names the provider it found. */
  names: { 'zh-Hans': string; en: string };
  guide: string;
  domains: string[];
}

export default function registryPlugin(_context: LoadContext): Plugin<RegistryIndexEntry[]> {
  return {
    name: 'youxiang-registry',
    getPathsToWatch: () => [`${providersDir}/*.json`],
    async loadContent() {
      return loadRegistry().map((p) => ({ id: p.id, names: p.names, guide: guidePath(p), domains: p.emailDomains ?? [] }));
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
  };
}

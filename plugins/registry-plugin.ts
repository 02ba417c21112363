// Loads and validates the provider registry once per build: an invalid file stops the
// build with messages naming the file and field. Pages get their data through the
// remark plugin. The plugin also adds the landing page, whose guide finder gets the
// same data as a route module rather than as global data every page would download.
// The 404 page has no route of its own to hang a module on (Docusaurus renders it for
// every unknown path), so it imports the same file through the @youxiang/finder-data
// alias and the data lands in its lazily loaded chunk only. The error lookup's entries
// (every provider's reply strings, meanings and fixes) come the same way, through
// @youxiang/lookup-data, when the reader first uses it.
import type { LoadContext, Plugin } from '@docusaurus/types';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { liveAnchorsDir } from '../registry/live-anchors';
import { dataDir, loadRegistry, providersDir } from '../registry/load';
import type { Locale } from '../registry/localize';
import { errorLookupData, finderData } from '../registry/page-data';
import type { Provider } from '../registry/types';

// Every file a page's compiled MDX depends on through remark-registry. Rspack's
// persistent cache does not see them, so without this a data-only change would be
// served from the cache with the old rows.
function registryFiles(): string[] {
  const registryDir = join(dataDir, '..', 'registry');
  return [
    ...readdirSync(providersDir).map((f) => join(providersDir, f)),
    ...readdirSync(liveAnchorsDir).map((f) => join(liveAnchorsDir, f)),
    ...readdirSync(join(dataDir, 'schema')).map((f) => join(dataDir, 'schema', f)),
    join(dataDir, 'probe-codes.json'),
    ...readdirSync(registryDir).filter((f) => f.endsWith('.ts')).map((f) => join(registryDir, f)),
  ];
}

export default function registryPlugin(context: LoadContext): Plugin<Provider[]> {
  let finderModule = '';
  let lookupModule = '';
  return {
    name: 'youxiang-registry',
    getPathsToWatch: () => [`${providersDir}/*.json`, `${liveAnchorsDir}/*.json`],
    configureWebpack(config) {
      const alias = { resolve: { alias: { '@youxiang/finder-data': finderModule, '@youxiang/lookup-data': lookupModule } } };
      const cache = (config.experiments as { cache?: unknown } | undefined)?.cache;
      if (!cache || typeof cache !== 'object') return alias;
      return { ...alias, experiments: { cache: { buildDependencies: registryFiles() } } } as never;
    },
    async loadContent() {
      return loadRegistry();
    },
    async contentLoaded({ content, actions }) {
      const locale = context.i18n.currentLocale as Locale;
      finderModule = await actions.createData('finder.json', JSON.stringify(finderData(content, locale)));
      lookupModule = await actions.createData('lookup.json', JSON.stringify(errorLookupData(content, locale)));
      actions.addRoute({ path: context.baseUrl, exact: true, component: '@site/src/components/Home', modules: { finder: finderModule } });
    },
  };
}

// Lets Docusaurus' server render list a page's route chunks in its HTML, so they download beside
// main.js instead of after it has run.
//
// The render reports the modules it drew by their registry path ("@site/docs/….mdx",
// "@theme/DocItem") and looks them up in client-manifest.json, which react-loadable-ssr-addon
// keys by chunk name (the registry's hash, "17896441"). Nothing matches, so every page listed
// only runtime~main and main; the route's chunks were requested by main.js once it ran, one
// round trip later, and inserting their script tags sat inside main.js's evaluation. This adds,
// for each named chunk group, its import request as a second key to the same chunks.
import { readFileSync, writeFileSync } from 'node:fs';

// The little of a compiler this needs, which webpack's and rspack's both have.
interface Compilation {
  namedChunkGroups: ReadonlyMap<string, { origins: { request?: string | null }[] }>;
}
interface Compiler {
  hooks: { afterEmit: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}

// Only its chunk lists by key are read; the rest is written back as it was.
interface Manifest {
  origins: Record<string, string[]>;
}

export class RouteChunksManifestPlugin {
  constructor(private readonly manifestPath: string) {}

  apply(compiler: Compiler): void {
    // The addon writes the manifest while assets are emitted; the server render reads it after.
    compiler.hooks.afterEmit.tap('RouteChunksManifestPlugin', (compilation) => {
      const manifest = JSON.parse(readFileSync(this.manifestPath, 'utf8')) as Manifest;
      let keyed = 0;
      for (const [name, group] of compilation.namedChunkGroups) {
        const chunks = manifest.origins[name];
        if (!chunks) continue;
        for (const { request } of group.origins) {
          if (request && !(request in manifest.origins)) {
            manifest.origins[request] = chunks;
            keyed += 1;
          }
        }
      }
      // A page with no route chunks in its HTML still works, only later; fail the build instead
      // of shipping that silently when an upgrade changes the manifest's keys.
      if (keyed === 0) throw new Error(`plugins/route-chunks-manifest.ts: no chunk group of ${this.manifestPath} has an import request to key`);
      writeFileSync(this.manifestPath, JSON.stringify(manifest));
    });
  }
}

// Writes registry/types.ts from the JSON Schema, so the code's types are never a
// second hand-written copy. tests/registry/types.test.ts fails when the file drifts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { providerSchema } from '../registry/load';

export async function renderTypes(): Promise<string> {
  return compile(providerSchema as never, 'Provider', {
    bannerComment: '/* Generated from data/schema/provider.schema.json by `npm run types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
}

if (require.main === module) {
  renderTypes().then((types) => writeFileSync(join(__dirname, '..', 'registry', 'types.ts'), types));
}

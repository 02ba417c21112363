import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTypes } from '../../scripts/gen-types';

it('registry/types.ts is what the schema generates (run `npm run types` after editing the schema)', async () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'registry', 'types.ts'), 'utf8');
  expect(committed).toBe(await renderTypes());
});

// The checker's own words: one verb for what it does (检查, as on its buttons), and the
// provider's name for the password rather than one provider's term for everyone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../support/site';

const sources = ['src/components/Checker', 'src/checker'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f)),
);

it.each(sources)('%s says 检查, not 检测, and no fixed name for the password', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  expect(text).not.toContain('检测');
  expect(text).not.toMatch(/授权码|授权密码/);
});

// The shipped JavaScript must run in WeChat's in-app browsers: Android's engine can be as
// old as Chrome 86 and iOS uses the system WebKit (Safari 14), per package.json's
// browserslist. ES2021 syntax is what all three parse; anything newer, or a RegExp
// lookbehind (Safari before 16.4 throws on it, taking the whole chunk down), fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Token } from 'acorn';
import { describe, expect, it } from 'vitest';
import { buildDir } from '../support/site';

const jsDir = join(buildDir, 'assets', 'js');
const files = readdirSync(jsDir).filter((f) => f.endsWith('.js'));

function problems(source: string): string[] {
  const found: string[] = [];
  const onToken = (token: Token) => {
    if (token.type.label !== 'regexp') return;
    const { pattern } = (token as Token & { value: { pattern: string } }).value;
    if (/\(\?<[=!]/.test(pattern)) found.push(`RegExp lookbehind /${pattern.slice(0, 60)}/ at ${token.start}`);
  };
  try {
    parse(source, { ecmaVersion: 2021, sourceType: 'script', onToken });
  } catch (error) {
    found.push(`newer than ES2021: ${(error as Error).message}`);
  }
  return found;
}

describe('shipped JavaScript stays within Chrome 86 and Safari 14', () => {
  it('the build has JavaScript to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s', (file) => {
    expect(problems(readFileSync(join(jsDir, file), 'utf8'))).toEqual([]);
  });

  it('the check itself rejects class static blocks, private-in and lookbehind', () => {
    expect(problems('class A { static { this.x = 1; } }')).toHaveLength(1);
    expect(problems('class A { #x; has(o) { return #x in o; } }')).toHaveLength(1);
    expect(problems('var r = /(?<=a)b/;')).toHaveLength(1);
    expect(problems('var a = b ?? c; a ||= d; var n = 1_000; var o = p?.q;')).toEqual([]);
  });
});

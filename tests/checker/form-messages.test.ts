// The checker form's English strings live in src/components/Checker/form.en.json and load
// with the form (formTranslate.tsx); everything else stays in i18n/en/code.json. Every
// string id the form uses must have its English text in exactly one of the two.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/site';

const checkerDir = join(root, 'src', 'components', 'Checker');
const formFiles = ['CheckerForm.tsx', 'messages.tsx'];
const formEn = JSON.parse(readFileSync(join(checkerDir, 'form.en.json'), 'utf8')) as Record<string, string>;
const codeEn = JSON.parse(readFileSync(join(root, 'i18n', 'en', 'code.json'), 'utf8')) as Record<string, { message: string }>;

/** The ids a file passes to the form's own translate()/<Translate> (not to @docusaurus/Translate's, imported as SiteTranslate). */
function formIds(file: string): string[] {
  const source = readFileSync(join(checkerDir, file), 'utf8');
  return [...source.matchAll(/(?:translate\(\s*\{\s*id: '([^']+)'|<Translate id="([^"]+)")/g)].map((m) => m[1] ?? m[2]);
}

describe('checker form strings', () => {
  const ids = [...new Set(formFiles.flatMap(formIds))].sort();

  it('finds the ids the form uses', () => {
    expect(ids.length).toBeGreaterThan(50);
  });

  it('has English for every one of them in form.en.json, and nothing else there', () => {
    expect(ids.filter((id) => !(id in formEn))).toEqual([]);
    expect(Object.keys(formEn).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('keeps them out of code.json, which every English page downloads', () => {
    expect(ids.filter((id) => id in codeEn)).toEqual([]);
  });

  it('writes every placeholder of the Chinese message in the English one', () => {
    for (const file of formFiles) {
      const source = readFileSync(join(checkerDir, file), 'utf8');
      for (const m of source.matchAll(/id: '([^']+)',\s*message: '([^']*)'/g)) {
        const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
        expect(names(formEn[m[1]] ?? ''), m[1]).toEqual(names(m[2]));
      }
    }
  });
});

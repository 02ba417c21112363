// Reads the MDX sources of the guides: which pages exist in which locale and the
// explicit heading ids each one declares.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../registry/localize';
import { root } from './site';

export const docsDirs: Record<Locale, string> = {
  'zh-Hans': join(root, 'docs'),
  en: join(root, 'i18n', 'en', 'docusaurus-plugin-content-docs', 'current'),
};

export function listPages(locale: Locale, dir = ''): string[] {
  const base = join(docsDirs[locale], dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listPages(locale, rel);
    return /\.mdx?$/.test(entry.name) ? [rel] : [];
  }).sort();
}

export function pageSource(locale: Locale, slug: string): string | undefined {
  const file = join(docsDirs[locale], 'youxiang', `${slug}.mdx`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export interface Heading { level: number; text: string; id: string | undefined; line: number }

/** Markdown headings outside code fences, with the id from `{/* #id *\/}` when present. */
export function headings(source: string): Heading[] {
  const result: Heading[] = [];
  let fenced = false;
  source.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const match = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!match) return;
    const id = /\{\/\*\s*#([^\s*]+)\s*\*\/\}\s*$/.exec(match[2])?.[1];
    result.push({ level: match[1].length, text: match[2], id, line: index + 1 });
  });
  return result;
}

export function headingIds(source: string): string[] {
  return headings(source).flatMap((h) => (h.id ? [h.id] : []));
}

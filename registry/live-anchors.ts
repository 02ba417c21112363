// Section links already pasted into support chats: for each page, the heading ids the
// live laifa.xin page had (data/live-anchors/<slug>.json) and the section of our page
// that answers the same question. remark-live-anchors adds them to the built pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createAjv, describeErrors } from './ajv';
import { dataDir, RegistryError } from './load';

export const liveAnchorsDir = join(dataDir, 'live-anchors');

/** Live anchor → our heading id. */
export type LiveAnchors = Record<string, string>;

const validate = createAjv().compile<{ anchors: LiveAnchors }>(JSON.parse(readFileSync(join(dataDir, 'schema', 'live-anchors.schema.json'), 'utf8')));

/** Every page's live anchors by slug, validated; a broken file stops the build with its name. */
export function loadLiveAnchors(dir = liveAnchorsDir): Map<string, LiveAnchors> {
  const pages = new Map<string, LiveAnchors>();
  if (!existsSync(dir)) return pages;
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`live-anchors/${file}: not valid JSON (${(error as Error).message}).`);
      continue;
    }
    if (validate(data)) pages.set(basename(file, '.json'), data.anchors);
    else problems.push(...describeErrors(validate.errors, `live-anchors/${file}`));
  }
  if (problems.length) throw new RegistryError(problems);
  return pages;
}

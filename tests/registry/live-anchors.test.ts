import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLiveAnchors } from '../../registry/live-anchors';
import { listPages } from '../support/pages';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function loadOne(content: string) {
  dir = mkdtempSync(join(tmpdir(), 'live-anchors-'));
  writeFileSync(join(dir, '204-x.json'), content);
  return () => loadLiveAnchors(dir);
}

describe('live anchors data', () => {
  it('is one file per existing page', () => {
    const pages = listPages('zh-Hans').map((p) => p.replace(/^youxiang\//, '').replace(/\.mdx$/, ''));
    for (const slug of loadLiveAnchors().keys()) expect(pages).toContain(slug);
  });

  it.each([
    ['a percent-encoded live anchor', '{"anchors":{"%E5%B8%B8":"faq"}}', /live-anchors\/204-x\.json: \/anchors.*property name/],
    ['a target that is not an English id', '{"anchors":{"常见问题":"常见问题"}}', /live-anchors\/204-x\.json: \/anchors\/常见问题 must match pattern/],
    ['no anchors', '{"anchors":{}}', /live-anchors\/204-x\.json: \/anchors must NOT have fewer than 1 properties/],
    ['broken JSON', '{"anchors":', /live-anchors\/204-x\.json: not valid JSON/],
  ])('rejects %s, naming the file', (_name, content, message) => {
    expect(loadOne(content)).toThrow(message);
  });
});

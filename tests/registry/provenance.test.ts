// Registry and catalogue texts are shown to readers (tables, cards, the checker), so they
// say what to do, never where a fact came from; that is what the `source` fields are for.
import { describe, expect, it } from 'vitest';
import { loadProbeCodes, loadRegistry } from '../../registry/load';
import { provenanceIn } from '../support/provenance';

function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'source' && k !== '$schema') strings(v, `${path}/${k}`, out);
  return out;
}

describe('reader-facing registry text', () => {
  it.each(loadRegistry().map((p) => [p.id, p] as const))('%s has no provenance notes', (id, provider) => {
    const found = strings(provider, id).flatMap(([path, text]) => provenanceIn(text).map((phrase) => `${path}: "${phrase}"`));
    expect(found).toEqual([]);
  });

  it('the checker catalogue has no provenance notes', () => {
    const found = strings(loadProbeCodes(), 'probe-codes').flatMap(([path, text]) => provenanceIn(text).map((phrase) => `${path}: "${phrase}"`));
    expect(found).toEqual([]);
  });

  it('recognises the notes that were printed before', () => {
    for (const note of ['原中文指南列出的地址', '还没有和 35 的官方资料交叉核对过', '有些汇总资料写的是', '本页没有核实', 'Third-party sources say the login fails', "Laifaxin's original Chinese guide lists this set"]) {
      expect(provenanceIn(note), note).not.toEqual([]);
    }
    expect(provenanceIn('third-party client security password')).toEqual([]);
  });
});

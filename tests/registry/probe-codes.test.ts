import { expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProbeCodes, probeCodesPath } from '../../registry/load';

const withFile = (data: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'codes-')), 'probe-codes.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
};
const current = () => JSON.parse(readFileSync(probeCodesPath, 'utf8'));

it('loads the catalogue with an entry for every code', () => {
  expect(Object.keys(loadProbeCodes())).toContain('AUTH_IP_DENIED');
});

it('names a code that has no entry', () => {
  const data = current();
  delete data.TLS_CERT_EXPIRED;
  expect(() => loadProbeCodes(withFile(data))).toThrow(/the code TLS_CERT_EXPIRED has no entry/);
});

it('names an entry that is not in the catalogue enum', () => {
  const data = { ...current(), AUTH_MADE_UP: current().AUTH_FAILED };
  expect(() => loadProbeCodes(withFile(data))).toThrow(/AUTH_MADE_UP is not a code of the catalogue enum/);
});

it('names a missing translation', () => {
  const data = current();
  delete data.AUTH_FAILED.fix.en;
  expect(() => loadProbeCodes(withFile(data))).toThrow(/\/AUTH_FAILED\/fix is missing the field "en"/);
});

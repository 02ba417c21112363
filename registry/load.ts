// Loads every provider file, validates it against the schema and the rules a schema
// cannot express, and fails with messages that name the file and field.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, describeErrors } from './ajv';
import type { Localized, ProbeCode, Provider } from './types';

export const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
export const providersDir = join(dataDir, 'providers');
export const schemaPath = join(dataDir, 'schema', 'provider.schema.json');

export const providerSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

export class RegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The provider registry has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'RegistryError';
  }
}

const validateProvider = createAjv().compile<Provider>(providerSchema);

/** Validates one parsed provider file; returns the problems, empty when it is valid. */
export function checkProvider(data: unknown, fileName: string): string[] {
  if (!validateProvider(data)) return describeErrors(validateProvider.errors, fileName);
  const problems: string[] = [];
  const expectedId = basename(fileName, '.json');
  if (data.id !== expectedId) {
    problems.push(`${fileName}: /id is "${data.id}" but the file is named ${fileName}. Rename the file or the id so they match.`);
  }
  return problems;
}

export function loadRegistry(dir = providersDir): Provider[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const problems: string[] = [];
  const providers: Provider[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message}).`);
      continue;
    }
    const found = checkProvider(data, file);
    if (found.length) problems.push(...found);
    else providers.push(data as Provider);
  }
  if (problems.length) throw new RegistryError(problems);
  return providers;
}

export const probeCodesPath = join(dataDir, 'probe-codes.json');
const probeCodesSchema = JSON.parse(readFileSync(join(dataDir, 'schema', 'probe-codes.schema.json'), 'utf8')) as Record<string, unknown>;
const probeCodeEnum = (providerSchema as { definitions: { probeCode: { enum: ProbeCode[] } } }).definitions.probeCode.enum;

export interface ProbeCodeEntry {
  title: Localized;
  message: Localized;
  fix: Localized;
  /** Said instead when the server that failed is one of the provider's own: the reader typed nothing wrong. */
  registryHost?: { message: Localized; fix: Localized };
}

/**
 * What `{credential}` in a catalogue text says when no provider is known (the troubleshooting
 * page, a probe without a provider): the kinds of password most providers ask mail apps for.
 */
export const neutralCredential: Localized = { 'zh-Hans': '授权码或专用密码', en: 'authorization code or app password' };

/** A catalogue text in the words of one provider: `{credential}` becomes its credential's name. */
export function withCredential(text: string, credential: string): string {
  return text.split('{credential}').join(credential);
}

/** The checker's error catalogue, validated, with exactly one entry per code of the schema's enum. */
export function loadProbeCodes(path = probeCodesPath): Record<ProbeCode, ProbeCodeEntry> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const validate = createAjv().compile(probeCodesSchema);
  const problems = validate(data) ? [] : describeErrors(validate.errors, 'probe-codes.json');
  const { $schema: _pointer, ...entries } = data;
  for (const code of probeCodeEnum) if (!(code in entries)) problems.push(`probe-codes.json: the code ${code} has no entry. Add title, message and fix for it.`);
  for (const code of Object.keys(entries)) {
    if (!probeCodeEnum.includes(code as ProbeCode)) problems.push(`probe-codes.json: ${code} is not a code of the catalogue enum in provider.schema.json. Add it there or remove it here.`);
  }
  if (problems.length) throw new RegistryError(problems);
  return entries as Record<ProbeCode, ProbeCodeEntry>;
}

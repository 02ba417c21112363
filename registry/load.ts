// Loads every provider file, validates it against the schema and the rules a schema
// cannot express, and fails with messages that name the file and field.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, describeErrors } from './ajv';
import type { Provider } from './types';

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

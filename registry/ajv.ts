// The one ajv factory for the repository: the registry, the probe request and the
// checker's field schemas all validate with the same options and error style.
import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';

export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, ...options });
  addFormats(ajv);
  return ajv;
}

function schemaDescription(error: ErrorObject): string | undefined {
  const parent = error.parentSchema as { description?: string; properties?: Record<string, { description?: string }> } | undefined;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return parent?.properties?.[missing]?.description;
  }
  return parent?.description;
}

// Longest piece of the input quoted back in a message.
const QUOTE_MAX = 60;

/**
 * The offending value as a message can show it: short, and never a walk of the whole value,
 * so a 7,000-deep array sent to the endpoint is "an array" rather than a stack overflow.
 */
function quote(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/**
 * Turns ajv's errors into sentences a contributor can act on: where (file and JSON
 * pointer), what is wrong, and how to fix it, using the schema's own descriptions.
 */
export function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath || '(top level)';
    const hint = schemaDescription(error);
    const fix = hint ? ` Expected: ${hint}` : '';
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        return `${where}: ${at} is missing the field "${missing}". Add it.${fix}`;
      }
      case 'additionalProperties': {
        const extra = quote((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}).join(', ');
        return `${where}: ${at} has an unknown field ${extra}. Remove it or fix its spelling (allowed: ${allowed}).`;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
        return `${where}: ${at} is ${quote(error.data)}, which is not allowed. Use one of: ${allowed}.`;
      }
      default:
        return `${where}: ${at} ${error.message}.${fix}`;
    }
  });
}

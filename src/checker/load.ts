import type { RuleFn, RuleId, ValidatorModule } from './types';

/** The provider's compiled rules; webpack puts each generated module in its own chunk. */
export async function loadValidators(id: string): Promise<ValidatorModule> {
  const module = (await import(`./generated/${id}.js`)) as Record<string, unknown>;
  const { personalDomains, ...rules } = module;
  return { rules: rules as Partial<Record<RuleId, RuleFn>>, personalDomains: personalDomains as ValidatorModule['personalDomains'] };
}

// Finds the registry errors in text a reader pasted, with the probe's matching rules:
// literal = case-insensitive substring, pattern = case-insensitive regular expression.

export interface LookupEntry {
  id: string;
  match: { literal?: string; pattern?: string };
}

export function matchesText(entry: LookupEntry, text: string): boolean {
  if (entry.match.literal !== undefined) return text.toLowerCase().includes(entry.match.literal.toLowerCase());
  if (entry.match.pattern !== undefined) return new RegExp(entry.match.pattern, 'i').test(text);
  return false;
}

export function lookup<T extends LookupEntry>(entries: T[], text: string): T[] {
  if (!text.trim()) return [];
  return entries.filter((e) => matchesText(e, text));
}

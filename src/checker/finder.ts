// Email → guide. Personal domains are known offline from the registry; anything else is a
// company domain whose provider only its MX records can tell.

export interface FinderEntry {
  id: string;
  guide: string;
  domains: string[];
}

export function domainOf(email: string): string | null {
  const match = /^[^\s@]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(email.trim());
  return match ? match[1].toLowerCase() : null;
}

export function findOffline<T extends FinderEntry>(entries: T[], domain: string): T | undefined {
  return entries.find((e) => e.domains.includes(domain));
}

import useBrokenLinks from '@docusaurus/useBrokenLinks';

/**
 * Registers ids rendered by a component with Docusaurus' broken-anchor check, which
 * otherwise only knows heading ids: links to error rows and server sets are checked too.
 */
export default function useAnchors(ids: string[]): void {
  const brokenLinks = useBrokenLinks();
  for (const id of ids) brokenLinks.collectAnchor(id);
}

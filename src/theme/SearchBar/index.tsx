// The search bar and its worker client are about a tenth of the JavaScript every guide
// would load on first paint, yet most readers arrive from a chat link and never search.
// Until the reader reaches for it, a plain input of the same look stands in; the real
// search loads on the first focus, tap or hover and takes the focus over.
import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { translate } from '@docusaurus/Translate';
import type OriginalSearchBar from '@theme-original/SearchBar';

const SearchBar = lazy(() => import('@theme-original/SearchBar'));

function StandIn({ onWant }: { onWant: (focus: boolean) => void }) {
  return (
    <div className="navbar__search">
      <input
        type="search"
        readOnly
        className="navbar__search-input"
        placeholder={translate({ id: 'theme.SearchBar.label', message: '搜索', description: 'The ARIA label and placeholder for search button' })}
        aria-label={translate({ id: 'theme.SearchBar.label', message: '搜索', description: 'The ARIA label and placeholder for search button' })}
        onFocus={() => onWant(true)}
        onPointerDown={() => onWant(true)}
        onMouseEnter={() => onWant(false)}
      />
    </div>
  );
}

function FocusWhenReady() {
  useEffect(() => {
    document.querySelector<HTMLInputElement>('.navbar__search-input:not([readonly])')?.focus();
  }, []);
  return null;
}

export default function LazySearchBar(props: ComponentProps<typeof OriginalSearchBar>) {
  // null: not wanted yet; false: preloaded on hover; true: the reader is typing into it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const want = (focus: boolean) => setWanted((current) => Boolean(current) || focus);
  if (wanted === null) return <StandIn onWant={want} />;
  return (
    <Suspense fallback={<StandIn onWant={want} />}>
      <SearchBar {...props} />
      {wanted ? <FocusWhenReady /> : null}
    </Suspense>
  );
}

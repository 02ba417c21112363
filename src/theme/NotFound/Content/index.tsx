// The 404 page, swizzled from the classic theme. DocRoot imports this component too (with
// routeBasePath '/' it answers every unknown path), so it ships with every guide: the page's
// content, with the finder and its data, comes in a chunk of its own. The build still renders
// it into 404.html (it waits for lazy parts), and hydration keeps that HTML until the chunk
// has arrived, unless the page updates first: then React renders this part afresh and shows
// the fallback until the chunk is there. The fallback is a copy of what the server drew, so
// the reader, who most often came here from a link cut short in a chat, sees the page stay
// put instead of going blank and filling again (a layout shift of 1.37 before). The copy is
// inert, like the checker's drawing: its finder does nothing until the real one arrives.
import { lazy, Suspense } from 'react';
import clsx from 'clsx';
import type { Props } from '@theme/NotFound/Content';
import { serverHtml } from '@site/src/components/serverHtml';

const Content = lazy(() => import('@site/src/components/NotFound'));

const SELECTOR = 'main[data-not-found]';

export default function NotFoundContent({ className }: Props) {
  // Read while hydrating, before anything of it can be removed.
  const drawn = typeof document === 'undefined' ? '' : serverHtml(SELECTOR);
  return (
    <main className={clsx('container margin-vert--lg', className)} data-not-found>
      <Suspense fallback={<div style={{ display: 'contents' }} inert data-not-found-copy dangerouslySetInnerHTML={{ __html: drawn }} />}>
        <Content />
      </Suspense>
    </main>
  );
}

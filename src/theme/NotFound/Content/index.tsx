// The 404 page, swizzled from the classic theme. DocRoot imports this component too (with
// routeBasePath '/' it answers every unknown path), so it ships with every guide: the page's
// content, with the finder and its data, comes in a chunk of its own. The build still renders
// it into 404.html (it waits for lazy parts), and hydration keeps that HTML until the chunk
// has arrived.
import { lazy, Suspense } from 'react';
import clsx from 'clsx';
import type { Props } from '@theme/NotFound/Content';

const Content = lazy(() => import('@site/src/components/NotFound'));

export default function NotFoundContent({ className }: Props) {
  return (
    <main className={clsx('container margin-vert--lg', className)}>
      <Suspense fallback={null}>
        <Content />
      </Suspense>
    </main>
  );
}

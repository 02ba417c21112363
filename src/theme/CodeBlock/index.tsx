// Code blocks load with Prism when a page has one; no guide has one today, so Prism stays
// out of every page's first load (see plugins/first-load-plugin.ts). Until it arrives the
// code shows as plain preformatted text.
import { lazy, Suspense, type ComponentProps } from 'react';
import type OriginalCodeBlock from '@theme-original/CodeBlock';

const CodeBlock = lazy(() => import('@theme-original/CodeBlock'));

export default function LazyCodeBlock(props: ComponentProps<typeof OriginalCodeBlock>) {
  return (
    <Suspense fallback={<pre>{props.children}</pre>}>
      <CodeBlock {...props} />
    </Suspense>
  );
}

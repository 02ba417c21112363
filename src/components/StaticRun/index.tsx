// A run of a guide that needs no JavaScript (plugins/rehype-islands.ts). The server renders
// its content; the page's client bundle has the run without it, and React, meeting the
// server's HTML under an element whose inner HTML it was told to leave alone, keeps that HTML
// and hydrates nothing inside it. `children` is absent only in that client bundle.
//
// There the inner HTML React is given is the server's own (../serverHtml), so a failed
// hydration elsewhere on the page cannot leave a guide with no text.
import type { CSSProperties, ReactNode } from 'react';
import { serverHtml } from '../serverHtml';

type Props = { n: number; as?: 'div' | 'span' | 'section'; className?: string; style?: CSSProperties; children?: ReactNode };

export default function StaticRun({ n, as: Tag = 'div', className, style, children }: Props) {
  if (children === undefined) {
    return <Tag className={className} style={style} data-static={n} dangerouslySetInnerHTML={{ __html: serverHtml(`[data-static="${n}"]`) }} suppressHydrationWarning />;
  }
  return (
    <Tag className={className} style={style} data-static={n}>
      {children}
    </Tag>
  );
}

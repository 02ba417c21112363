// A run of a guide that needs no JavaScript (plugins/rehype-islands.ts). The server renders
// its content; the page's client bundle has the run without it, and React, meeting the
// server's HTML under an element whose inner HTML it was told to leave alone, keeps that HTML
// and hydrates nothing inside it. `children` is absent only in that client bundle.
import type { CSSProperties, ReactNode } from 'react';

export default function StaticRun({ as: Tag = 'div', className, style, children }: { as?: 'div' | 'span' | 'section'; className?: string; style?: CSSProperties; children?: ReactNode }) {
  if (children === undefined) {
    return <Tag className={className} style={style} data-static="" dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />;
  }
  return (
    <Tag className={className} style={style} data-static="">
      {children}
    </Tag>
  );
}

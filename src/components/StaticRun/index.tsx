// A run of a guide that needs no JavaScript (plugins/rehype-islands.ts). The server renders
// its content; the page's client bundle has the run without it, and React, meeting the
// server's HTML under an element whose inner HTML it was told to leave alone, keeps that HTML
// and hydrates nothing inside it. `children` is absent only in that client bundle.
//
// There the inner HTML React is given is the server's own, read from the page before React
// replaces anything: if hydration ever fails (a widget whose first render differs from the
// server's), React renders the whole page anew in the browser, and a run given '' would come
// out empty, a guide with no text. Read once per run, so later renders hand React the same
// string and it leaves the DOM alone.
import type { CSSProperties, ReactNode } from 'react';

let loaded: { path: string; runs: Map<number, string> } | undefined;

function serverHtml(n: number): string {
  loaded ??= { path: location.pathname, runs: new Map() };
  // Another page's runs are not on this one (a navigation made in code reloads the page).
  if (loaded.path !== location.pathname) return '';
  let html = loaded.runs.get(n);
  if (html === undefined) {
    html = document.querySelector(`[data-static="${n}"]`)?.innerHTML ?? '';
    loaded.runs.set(n, html);
  }
  return html;
}

type Props = { n: number; as?: 'div' | 'span' | 'section'; className?: string; style?: CSSProperties; children?: ReactNode };

export default function StaticRun({ n, as: Tag = 'div', className, style, children }: Props) {
  if (children === undefined) {
    return <Tag className={className} style={style} data-static={n} dangerouslySetInnerHTML={{ __html: serverHtml(n) }} suppressHydrationWarning />;
  }
  return (
    <Tag className={className} style={style} data-static={n}>
      {children}
    </Tag>
  );
}

// The checker form's words, with the same call shapes as @docusaurus/Translate. Docusaurus
// bundles every string of i18n/en/code.json into main.js, which every English page downloads,
// although most readers never open the checker; the form's own English strings
// (form.en.json) load with the form instead. Chinese is the message written in the code, as
// with Docusaurus. Strings the page shows before the form loads stay in code.json.
import { Fragment, type ReactNode } from 'react';
import type { Locale } from '@site/src/checker/types';

let messages: Record<string, string> = {};

/** Loads the form's strings for the page's language; the form renders only after this. */
export async function loadFormMessages(locale: Locale): Promise<void> {
  setFormMessages(locale === 'en' ? (await import('./form.en.json')).default : {});
}

/** The server's drawing of the form (./FormPreview) has its words at hand and cannot wait for a chunk. */
export function setFormMessages(words: Record<string, string>): void {
  messages = words;
}

type Values = Record<string, string | number>;

export function translate({ id, message }: { id: string; message: string }, values?: Values): string {
  return (messages[id] ?? message).replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
}

/** For messages with elements (a link) in them: `{name}` placeholders are replaced by the values given. */
export function Translate({ id, values, children }: { id: string; values?: Record<string, ReactNode>; children: string }) {
  const parts = (messages[id] ?? children).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{i % 2 === 1 && values && part in values ? values[part] : part}</Fragment>
      ))}
    </>
  );
}

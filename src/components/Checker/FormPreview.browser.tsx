// The browser's side of ./FormPreview: the form the server drew, kept as it is until the real
// one has loaded (../serverHtml), without the form's code in the page's first load.
import type { CheckerData } from '@site/src/checker/types';
import { serverHtml } from '../serverHtml';

export default function FormPreview({ data }: { data: CheckerData }) {
  const selector = `[data-checker-preview="${data.id}"]`;
  return <div data-checker-preview={data.id} inert dangerouslySetInnerHTML={{ __html: serverHtml(selector) }} suppressHydrationWarning />;
}

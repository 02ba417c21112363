// Every copy button of a guide (src/components/CopyButton) sits in HTML that React does not
// hydrate (plugins/rehype-islands.ts): one listener on the document serves them all, from the
// moment the bundle runs rather than when hydration ends.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { translate } from '@docusaurus/Translate';
import { copyText } from '@site/src/components/CopyButton';

const SHOWN_MS = 2_000;

async function copy(button: HTMLButtonElement): Promise<void> {
  const label = button.querySelector<HTMLElement>('[data-copy-label]');
  const status = button.querySelector<HTMLElement>('[role="status"]');
  const ok = await copyText(button.dataset.copy ?? '');
  const message = ok ? translate({ id: 'youxiang.copy.done', message: '已复制' }) : translate({ id: 'youxiang.copy.failed', message: '请长按复制' });
  if (label) label.textContent = message;
  if (status) status.textContent = message;
  setTimeout(() => {
    if (label) label.textContent = label.dataset.copyLabel ?? '';
    if (status) status.textContent = '';
  }, SHOWN_MS);
}

if (ExecutionEnvironment.canUseDOM) {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy]');
    if (button) void copy(button);
  });
}

import type { ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

// WeChat's in-app browser may block the async clipboard API; a hidden textarea with
// execCommand still works there, and when both fail the text is selected for a long-press copy.
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.focus();
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function copyText(text: string) {
  return writeClipboard(text);
}

/**
 * A copy button in a guide's static HTML, never hydrated: src/client/copy-buttons.ts answers
 * the taps of every `data-copy` button on the page, as soon as the bundle runs.
 */
export default function CopyButton({ text, label }: { text: string; label?: ReactNode }) {
  const copyLabel = translate({ id: 'youxiang.copy.button', message: '复制' });
  return (
    <button type="button" className={styles.copy} data-nosearch data-copy={text} aria-label={`${copyLabel} ${text}`}>
      <span data-copy-label={label ? undefined : ''}>{label ?? copyLabel}</span>
      <span className={styles.status} role="status" />
    </button>
  );
}

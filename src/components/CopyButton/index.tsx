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
 * the taps of every `data-copy` button on the page, as soon as the bundle runs, and shows the
 * result in place of the label for a moment. `label` names what is copied when it is not
 * `text` itself ("copy this page's link").
 */
export default function CopyButton({ text, label }: { text: string; label?: string }) {
  const copyLabel = translate({ id: 'youxiang.copy.button', message: '复制' });
  const shown = label ?? copyLabel;
  return (
    <button type="button" className={styles.copy} data-nosearch data-copy={text} aria-label={`${shown} ${text}`}>
      <span data-copy-label={shown}>{shown}</span>
      <span className={styles.status} role="status" />
    </button>
  );
}

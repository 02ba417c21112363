import { useState } from 'react';
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

/** `label` names what is copied when it is not `text` itself ("copy this page's link"). */
export default function CopyButton({ text, label }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyLabel = translate({ id: 'youxiang.copy.button', message: '复制' });
  const copied = translate({ id: 'youxiang.copy.done', message: '已复制' });
  const failed = translate({ id: 'youxiang.copy.failed', message: '请长按复制' });
  return (
    <button
      type="button"
      className={styles.copy}
      data-nosearch
      aria-label={label ?? `${copyLabel} ${text}`}
      onClick={async () => {
        setState((await writeClipboard(text)) ? 'copied' : 'failed');
        setTimeout(() => setState('idle'), 2000);
      }}>
      {state === 'copied' ? copied : state === 'failed' ? failed : (label ?? copyLabel)}
      <span className={styles.status} role="status">{state === 'copied' ? copied : state === 'failed' ? failed : ''}</span>
    </button>
  );
}

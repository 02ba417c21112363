// The checker's light shell: it ships with the guide page and loads the form (and the
// provider's compiled rules) only when the reader scrolls near it, touches it, or
// arrives through a link to #checker, so a guide's first load stays small.
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { translate } from '@docusaurus/Translate';
import type { CheckerData } from '@site/src/checker/types';
import styles from './styles.module.css';

type Form = ComponentType<{ data: CheckerData }>;

export default function Checker({ data }: { data: CheckerData }) {
  const ref = useRef<HTMLDivElement>(null);
  const [Form, setForm] = useState<Form | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      import('./CheckerForm').then(
        (m) => active && setForm(() => m.default),
        () => active && setFailed(true),
      );
    };
    const params = new URLSearchParams(window.location.search);
    if (window.location.hash === '#checker' || params.has('email') || params.has('set')) load();
    const element = ref.current!;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '600px 0px' });
    observer.observe(element);
    element.addEventListener('pointerdown', load);
    element.addEventListener('focusin', load);
    return () => {
      active = false;
      observer.disconnect();
      element.removeEventListener('pointerdown', load);
      element.removeEventListener('focusin', load);
    };
  }, []);

  return (
    <div ref={ref} className={styles.checker} data-checker={data.id}>
      {Form ? (
        <Form data={data} />
      ) : (
        <p className={styles.placeholder} aria-live="polite">
          {failed
            ? translate({ id: 'youxiang.checker.loadFailed', message: '检测工具没有加载成功，请刷新页面再试。' })
            : translate({ id: 'youxiang.checker.loading', message: '检测工具加载中…' })}
        </p>
      )}
    </div>
  );
}

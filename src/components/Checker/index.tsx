// The checker's light shell: it ships with the guide page and loads the form (and the
// provider's compiled rules) only when the reader scrolls near it, touches it, or
// arrives through a link to #checker, so a guide's first load stays small.
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { translate } from '@docusaurus/Translate';
import type { CheckerData, ValidatorModule } from '@site/src/checker/types';
import styles from './styles.module.css';

type Form = ComponentType<{ data: CheckerData; rules: ValidatorModule }>;

export default function Checker({ data }: { data: CheckerData }) {
  const ref = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<{ Form: Form; rules: ValidatorModule } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      // The form appears with its rules, so no check can be sent before they are there.
      import('./CheckerForm')
        .then((m) => m.loadRules(data.id).then((rules) => active && setLoaded({ Form: m.default, rules })))
        .catch(() => active && setFailed(true));
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
  }, [data.id]);

  return (
    <div ref={ref} className={styles.checker} data-checker={data.id}>
      {loaded ? (
        <loaded.Form data={data} rules={loaded.rules} />
      ) : (
        <p className={styles.placeholder} aria-live="polite">
          {failed
            ? translate({ id: 'youxiang.checker.loadFailed', message: '检查工具没有加载成功，请刷新页面再试。' })
            : translate({ id: 'youxiang.checker.loading', message: '检查工具加载中…' })}
        </p>
      )}
    </div>
  );
}

import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { errorIndexData } from '@site/registry/page-data';
import ErrorHeading from '@site/src/components/ErrorHeading';
import useAnchors from '@site/src/hooks/useAnchors';
import styles from './styles.module.css';

type Data = ReturnType<typeof errorIndexData>;

/** Every provider's error strings, then every checker code, each on its own pasteable anchor. */
export default function ErrorIndex({ data }: { data: Data }) {
  useAnchors([
    ...data.providers.flatMap((p) => [`provider-${p.id}`, ...p.errors.map((e) => e.id)]),
    'checker-codes',
    ...data.codes.map((c) => c.anchor),
  ]);
  return (
    <div className={styles.index}>
      {data.providers.map((p) => (
        <section key={p.id} id={`provider-${p.id}`} className={styles.provider} aria-label={p.name}>
          <p className={styles.providerName}>
            <strong>{p.name}</strong> · <Link to={p.guide}>{translate({ id: 'youxiang.index.guide', message: '配置指南' })}</Link>
          </p>
          {p.errors.map((e) => {
            // The provider's name tells two entries with the same words apart, in a search hit too.
            const words = (
              <>
                <a href={`#${e.id}`}>
                  <code>{e.text}</code>
                </a>{' '}
                <span className={styles.owner}>{p.name}</span>
              </>
            );
            return (
              <div key={e.id} id={e.id} className={styles.entry}>
                {/* A hosted provider's error is a search hit on its own guide, where the fix is; the index holds it once. */}
                {e.help ? (
                  <p className={styles.head}>{words}</p>
                ) : (
                  <ErrorHeading anchor={e.id} text={e.text}>
                    {words}
                  </ErrorHeading>
                )}
                <p>
                  {e.meaning} {e.fix}
                  {e.help ? (
                    <>
                      {' '}
                      <Link to={e.help}>{translate({ id: 'youxiang.index.help', message: '查看解决步骤' })}</Link>
                    </>
                  ) : null}
                </p>
              </div>
            );
          })}
        </section>
      ))}
      <section id="checker-codes" className={styles.provider} aria-label={translate({ id: 'youxiang.index.codes', message: '检查结果代码' })}>
        <p className={styles.providerName}>
          <strong>{translate({ id: 'youxiang.index.codes', message: '检查结果代码' })}</strong>
        </p>
        {data.codes.map((c) => (
          <div key={c.code} id={c.anchor} className={styles.entry}>
            <p className={styles.head}>
              <a href={`#${c.anchor}`}>
                <code>{c.code}</code>
              </a>{' '}
              {c.title}
            </p>
            {c.registryHost ? (
              // Whether the reader typed the server or took it from the guide changes whose fault it is.
              <>
                <p>
                  <strong>{translate({ id: 'youxiang.index.typedHost', message: '服务器地址是自己填的或改过的：' })}</strong> {c.message} {c.fix}
                </p>
                <p>
                  <strong>{translate({ id: 'youxiang.index.registryHost', message: '服务器地址和端口照指南填写、没有改动：' })}</strong> {c.registryHost.message} {c.registryHost.fix}
                </p>
              </>
            ) : (
              <p>
                {c.message} {c.fix}
              </p>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}

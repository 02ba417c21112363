// The screenshots of one step (placed by registry/remark-screenshots.ts). Plain markup, no
// hooks and no client code: it renders the same on the server and needs nothing to hydrate.
// Each image sits in a frame of fixed height, so nothing moves when it arrives; it loads only
// as the reader nears it (loading="lazy"; with JavaScript off the browser loads it at once);
// a tap opens the file itself, where a phone can zoom and WeChat's long press can save it.
import type { screenshotsData } from '@site/registry/page-data';
import styles from './styles.module.css';

type Data = ReturnType<typeof screenshotsData>;

export default function Screenshots({ data }: { data: Data }) {
  return (
    <div className={styles.shots} data-nosearch>
      {data.shots.map((shot) => (
        <figure key={shot.url} className={styles.shot}>
          <a className={styles.frame} href={shot.url}>
            <img src={shot.url} alt={shot.alt} loading="lazy" decoding="async" />
          </a>
          <figcaption className={styles.caption}>
            {shot.alt}
            <span className={styles.taken}>
              {shot.taken} · {data.enlarge}
            </span>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

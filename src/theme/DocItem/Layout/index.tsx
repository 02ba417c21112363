// Ejected from theme-classic 3.10's DocItem/Layout and cut to what these guides use. There is
// one docs version, no drafts, and no tags, edit links or last-update dates, so the version
// banner and badge, the draft banner and the doc footer are gone. Both tables of contents are
// rendered and CSS shows the one that fits: the stock layout measured the window after
// hydration and re-rendered every guide on a phone just to drop the desktop one.
import clsx from 'clsx';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import DocBreadcrumbs from '@theme/DocBreadcrumbs';
import DocItemContent from '@theme/DocItem/Content';
import type { Props } from '@theme/DocItem/Layout';
import DocItemPaginator from '@theme/DocItem/Paginator';
import DocItemTOCDesktop from '@theme/DocItem/TOC/Desktop';
import DocItemTOCMobile from '@theme/DocItem/TOC/Mobile';
import styles from './styles.module.css';

export default function DocItemLayout({ children }: Props) {
  const { frontMatter, toc } = useDoc();
  const hasToc = !frontMatter.hide_table_of_contents && toc.length > 0;
  return (
    <div className="row">
      <div className={clsx('col', hasToc && styles.docItemCol)}>
        <div className={styles.docItemContainer}>
          <article>
            <DocBreadcrumbs />
            {hasToc ? <DocItemTOCMobile /> : null}
            <DocItemContent>{children}</DocItemContent>
          </article>
          <DocItemPaginator />
        </div>
      </div>
      {hasToc ? (
        <div className={clsx('col col--3', styles.tocColumn)}>
          <DocItemTOCDesktop />
        </div>
      ) : null}
    </div>
  );
}

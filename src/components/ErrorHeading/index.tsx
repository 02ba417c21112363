import type { ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import styles from './styles.module.css';

/**
 * The heading of one error entry (ErrorTable, ErrorIndex). The site search indexes h1–h3
 * and links a hit to the heading's `a.hash-link`, so the error's words become a hit of
 * their own that a pasted server reply lands on. The anchor stays on the entry around the
 * heading (what chats already link to, highlighted and scrolled below the navbar as a
 * whole), which is why this is not @theme/Heading.
 *
 * The search also indexes the siblings after a heading as its text. The entry's meaning
 * and fix are already indexed with the section the list sits in, so the heading stands
 * alone in its wrapper: indexing them twice made the search index a quarter larger.
 */
export default function ErrorHeading({ anchor, text, children }: { anchor: string; text: string; children: ReactNode }) {
  const title = translate({ id: 'theme.common.headingLinkTitle', message: '{heading}的直接链接', description: 'Title for link to heading' }, { heading: text });
  return (
    <div>
      <h3 className={styles.heading}>
        {children}
        <a className="hash-link" href={`#${anchor}`} aria-label={title} title={title} translate="no">
          &#8203;
        </a>
      </h3>
    </div>
  );
}

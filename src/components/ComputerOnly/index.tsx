// Said once, above the first step that needs a computer browser (registry `computerOnly`,
// placed by registry/remark-screenshots.ts): a reader who opened the guide from a chat on a
// phone learns it before starting, and sends the link to a computer in one tap. Only narrow
// screens show it; at a computer it would say nothing new.
import CopyButton from '@site/src/components/CopyButton';
import type { computerOnlyData } from '@site/registry/page-data';
import styles from './styles.module.css';

type Data = ReturnType<typeof computerOnlyData>;

export default function ComputerOnly({ data }: { data: Data }) {
  return (
    <aside className={styles.note} data-nosearch>
      <p>{data.text}</p>
      <CopyButton text={data.link} label={data.copy} />
    </aside>
  );
}

// Said once, above the first step that needs a computer browser (registry `computerOnly`,
// placed by registry/remark-screenshots.ts): a reader who opened the guide from a chat on a
// phone learns it before starting, and sends the link to a computer in one tap. Only narrow
// screens show it; at a computer it would say nothing new.
import { translate } from '@docusaurus/Translate';
import CopyButton from '@site/src/components/CopyButton';
import type { computerOnlyData } from '@site/registry/page-data';
import styles from './styles.module.css';

type Data = ReturnType<typeof computerOnlyData>;

export default function ComputerOnly({ data }: { data: Data }) {
  return (
    <aside className={styles.note} data-nosearch>
      <p>
        {translate({
          id: 'youxiang.computerOnly.text',
          message: '下面这几步要在电脑浏览器里做。用手机看这页的话，可以复制本页链接，发到电脑上（比如发给微信的“文件传输助手”），在电脑上接着做。',
        })}
      </p>
      <CopyButton text={data.link} label={translate({ id: 'youxiang.computerOnly.copy', message: '复制本页链接' })} />
    </aside>
  );
}

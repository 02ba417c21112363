import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { PageMetadata } from '@docusaurus/theme-common';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Translate, { translate } from '@docusaurus/Translate';
import GuideFinder from '@site/src/components/GuideFinder';
import type { finderData } from '@site/registry/page-data';

// The landing page at / and /en/, added as a route by plugins/registry-plugin.ts so the
// guide finder gets its data as a route module in the page's locale.
export default function Home({ finder }: { finder: ReturnType<typeof finderData> }) {
  const { i18n } = useDocusaurusContext();
  return (
    <Layout
      title={translate({ id: 'youxiang.home.title', message: '邮箱绑定指南' })}
      description={translate({ id: 'youxiang.home.description', message: '把企业邮箱或个人邮箱绑定到来发信：服务器、授权密码、报错代码，一步步说清楚。' })}>
      {/* The landing page leads to the enterprise overview, so a chat preview shows its card. */}
      <PageMetadata image={`/img/cards/${i18n.currentLocale}/200-qiyeyouxiang-enterprise-mailbox.png`} />
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="youxiang.home.heading">邮箱绑定指南</Translate>
        </h1>
        <p>
          <Translate id="youxiang.home.intro">
            绑定邮箱时需要填写 IMAP/SMTP 服务器和正确类型的密码。选择你的邮箱，按指南操作；遇到报错，查错误代码页。
          </Translate>
        </p>
        <GuideFinder data={finder} />
        <ul>
          <li>
            <Link to="/youxiang/200-qiyeyouxiang-enterprise-mailbox">
              <Translate id="youxiang.home.enterprise">企业邮箱配置指南</Translate>
            </Link>
          </li>
          <li>
            <Link to="/youxiang/100-gerenyouxiang-personal-mailbox">
              <Translate id="youxiang.home.personal">个人邮箱配置指南</Translate>
            </Link>
          </li>
          <li>
            <Link to="/youxiang/300-bangding-cuowu-mailbox-binding-errors">
              <Translate id="youxiang.home.errors">绑定报错代码速查</Translate>
            </Link>
          </li>
        </ul>
      </main>
    </Layout>
  );
}

// The 404 page's content: most readers reach it through a guide link cut short in a chat, so
// it offers the way on rather than the framework's apology: the guide finder, every guide,
// the error lookup and support. Loaded lazily by src/theme/NotFound/Content.
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import Heading from '@theme/Heading';
import finder from '@youxiang/finder-data';
import { troubleshootingSlug } from '@site/registry/links';
import { supportUrl } from '@site/src/checker/support';
import GuideFinder from '@site/src/components/GuideFinder';
import GuideLists from '@site/src/components/GuideFinder/GuideLists';

export default function NotFound() {
  return (
    <>
      <Heading as="h1">
        <Translate id="theme.NotFound.title" description="The title of the 404 page">
          找不到页面
        </Translate>
      </Heading>
      <p>
        <Translate id="youxiang.notFound.intro">
          这个链接没有对应的页面，多半是在聊天里复制或转发时被截短了。输入你的邮箱地址找到对应的绑定指南，或者在下面的列表里选择你的邮箱。
        </Translate>
      </p>
      <GuideFinder data={finder} listed />
      <GuideLists entries={finder.entries} titleAs="h2" />
      <p>
        <Translate
          id="youxiang.notFound.more"
          values={{
            errors: (
              <Link to={`/youxiang/${troubleshootingSlug}`}>
                <Translate id="youxiang.notFound.errors">绑定错误速查</Translate>
              </Link>
            ),
            support: (
              <Link to={supportUrl}>
                <Translate id="youxiang.notFound.support">来发信客服</Translate>
              </Link>
            ),
          }}>
          {'绑定时看到报错，可以在{errors}里按原文查找；还是找不到需要的内容，请联系{support}。'}
        </Translate>
      </p>
    </>
  );
}

// Chat apps build a link's preview card from og:/twitter: tags. Every guide gets its own
// card image in the page's language (static/img/cards/<locale>/<slug>.png, made by
// scripts/gen-cards.ts) unless its front matter names an image.
import { PageMetadata } from '@docusaurus/theme-common';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

export default function DocItemMetadata() {
  const { metadata, frontMatter, assets } = useDoc();
  const { i18n } = useDocusaurusContext();
  const card = metadata.id.startsWith('youxiang/') ? `/img/cards/${i18n.currentLocale}/${metadata.id.slice('youxiang/'.length)}.png` : undefined;
  return <PageMetadata title={metadata.title} description={metadata.description} keywords={frontMatter.keywords} image={assets.image ?? frontMatter.image ?? card} />;
}

import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';
import { themes as prismThemes } from 'prism-react-renderer';
import rehypeIslands from './plugins/rehype-islands';
import rehypeSections from './plugins/rehype-sections';
import remarkLiveAnchors from './registry/remark-live-anchors';
import remarkRegistry from './registry/remark-registry';
import { ssrTemplate } from './plugins/ssr-template';
import { siteUrl } from './registry/links';
import remarkScreenshots from './registry/remark-screenshots';

const config = {
  title: '来发信邮箱绑定指南',
  tagline: '企业邮箱与个人邮箱的 IMAP/SMTP 绑定指南，附在线检测',
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: '/',
  // Guide links already sit in chats as /youxiang/<slug> with no trailing slash.
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  // The client and server builds compile each page apart: the client's copy leaves out the
  // static runs of a guide (plugins/rehype-islands.ts), which only the server renders.
  future: { v4: true, faster: { mdxCrossCompilerCache: false } },
  i18n: {
    defaultLocale: 'zh-Hans',
    locales: ['zh-Hans', 'en'],
    localeConfigs: {
      'zh-Hans': { label: '简体中文', htmlLang: 'zh-Hans' },
      en: { label: 'English', htmlLang: 'en' },
    },
  },
  plugins: ['./plugins/registry-plugin.ts', './plugins/first-load-plugin.ts'],
  clientModules: ['./src/client/no-route-prefetch.ts', './src/client/full-page-loads.ts', './src/client/copy-buttons.ts'],
  ssrTemplate,
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // File names start with the page number, which is part of the permanent URL.
          numberPrefixParser: false,
          beforeDefaultRemarkPlugins: [remarkScreenshots, remarkRegistry],
          // After Docusaurus' own heading plugin: aliases attach to the headings' final ids.
          remarkPlugins: [remarkLiveAnchors],
          rehypePlugins: [rehypeSections, rehypeIslands],
          showLastUpdateTime: false,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['zh', 'en'],
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/',
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchBarShortcutHint: false,
        // A <noscript> fallback repeats the page's data as markup the index would read as text.
        // The navbar's doc links are all "active" (one sidebar), so every hit's path began
        // 企业邮箱 › 企业邮箱 and the troubleshooting page's too; the sidebar category stays.
        // The first-screen card, the binding table and click paths repeat the page's own text and
        // tables, and copy buttons say 复制 beside every host: indexing them doubled hits and bytes.
        ignoreCssSelectors: ['noscript', '.navbar', '[data-nosearch]'],
      } satisfies SearchOptions,
    ],
  ],
  themeConfig: {
    image: 'img/cards/zh-Hans/200-qiyeyouxiang-enterprise-mailbox.png',
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: false } },
    navbar: {
      title: '邮箱指南',
      logo: { alt: '来发信', src: 'img/favicon.svg', width: 32, height: 32 },
      items: [
        { type: 'doc', docId: 'youxiang/100-gerenyouxiang-personal-mailbox', position: 'left', label: '个人邮箱' },
        { type: 'doc', docId: 'youxiang/200-qiyeyouxiang-enterprise-mailbox', position: 'left', label: '企业邮箱' },
        { type: 'doc', docId: 'youxiang/300-bangding-cuowu-mailbox-binding-errors', position: 'left', label: '绑定错误速查' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'light',
      links: [
        {
          title: '来发信',
          items: [
            { label: '邮箱账号', href: 'https://laifa.xin/zhinan/email-account' },
            { label: '联系客服', href: 'https://laifa.xin/zhinan/contact-us' },
          ],
        },
      ],
      copyright: '© 来发信 Laifaxin',
    },
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;

import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars = {
  guides: [
    {
      type: 'category',
      label: '企业邮箱',
      key: 'enterprise',
      collapsible: false,
      link: { type: 'doc', id: 'youxiang/200-qiyeyouxiang-enterprise-mailbox' },
      items: [
        'youxiang/201-guge-qiyeyouxiang-google-business-mail',
        'youxiang/202-263-qiyeyouxiang-263-business-mail',
        'youxiang/203-aliyun-qiyeyouxiang-alibaba-cloud-enterprise-mailbox',
        'youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
        'youxiang/205-tengxun-qiyeyouxiang-tencent-enterprise-mailbox',
        'youxiang/206-35-qiyeyouxiang-35-enterprise-mailbox',
        'youxiang/207-zoho-qiyeyouxiang-zoho-enterprise-mailbox',
      ],
    },
    'youxiang/300-bangding-cuowu-mailbox-binding-errors',
  ],
} satisfies SidebarsConfig;

export default sidebars;

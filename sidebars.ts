import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { loadRegistry } from './registry/load';

// A provider's page joins its category once the registry says the site hosts it, so a new
// guide needs no second list to keep in step; page numbers give the order.
const hostedGuides = (kind: 'enterprise' | 'personal') =>
  loadRegistry()
    .filter((p) => p.kind === kind && p.guide.hosted && !p.guide.section)
    .map((p) => `youxiang/${p.guide.slug}`)
    .sort();

const sidebars = {
  guides: [
    {
      type: 'category',
      label: '个人邮箱',
      key: 'personal',
      collapsible: false,
      link: { type: 'doc', id: 'youxiang/100-gerenyouxiang-personal-mailbox' },
      items: hostedGuides('personal'),
    },
    {
      type: 'category',
      label: '企业邮箱',
      key: 'enterprise',
      collapsible: false,
      link: { type: 'doc', id: 'youxiang/200-qiyeyouxiang-enterprise-mailbox' },
      items: hostedGuides('enterprise'),
    },
    'youxiang/300-bangding-cuowu-mailbox-binding-errors',
  ],
} satisfies SidebarsConfig;

export default sidebars;

// Ejected from theme-classic 3.10 and cut to the navbar item types this site's config uses
// (doc and localeDropdown; default and search are used by the theme itself). The stock map
// imports every type, so the docs-version dropdown and its hooks sat in every page's main.js.
// A type added to themeConfig.navbar must be added here, or the navbar throws at build time.
import type { ComponentTypesObject } from '@theme/NavbarItem/ComponentTypes';
import DefaultNavbarItem from '@theme/NavbarItem/DefaultNavbarItem';
import DocNavbarItem from '@theme/NavbarItem/DocNavbarItem';
import LocaleDropdownNavbarItem from '@theme/NavbarItem/LocaleDropdownNavbarItem';
import SearchNavbarItem from '@theme/NavbarItem/SearchNavbarItem';

const ComponentTypes = {
  default: DefaultNavbarItem,
  localeDropdown: LocaleDropdownNavbarItem,
  search: SearchNavbarItem,
  doc: DocNavbarItem,
} satisfies Partial<ComponentTypesObject>;

export default ComponentTypes;

// Registry components are global in MDX so a page names them without imports;
// registry/remark-registry.ts fills in their data at build time.
import MDXComponents from '@theme-original/MDXComponents';
import BindingFields from '@site/src/components/BindingFields';
import Checker from '@site/src/components/Checker';
import ClickPath from '@site/src/components/ClickPath';
import ErrorIndex from '@site/src/components/ErrorIndex';
import ErrorLookup from '@site/src/components/ErrorLookup';
import ErrorTable from '@site/src/components/ErrorTable';
import ExpiryReminder from '@site/src/components/ExpiryReminder';
import GuideFinder from '@site/src/components/GuideFinder';
import PitfallTable from '@site/src/components/PitfallTable';
import ProviderOverview from '@site/src/components/ProviderOverview';
import ServerTable from '@site/src/components/ServerTable';
import WarmupTable from '@site/src/components/WarmupTable';

export default {
  ...MDXComponents,
  BindingFields,
  Checker,
  ClickPath,
  ErrorIndex,
  ErrorLookup,
  ErrorTable,
  ExpiryReminder,
  GuideFinder,
  PitfallTable,
  ProviderOverview,
  ServerTable,
  WarmupTable,
};

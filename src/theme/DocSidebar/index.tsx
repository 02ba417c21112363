// Stock DocSidebar measures the window after hydration and, on a phone, replaces the desktop
// sidebar (already hidden there by CSS) with the filler that hands the docs sidebar to the
// phone menu: a second render of every guide right after load, half of it theme-common's
// first localeCompare (useShallowMemoObject). Here the desktop sidebar stays, and the phone
// menu gets the docs sidebar when the reader first opens it.
import { useEffect, useState } from 'react';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/DocSidebar';
import DocSidebarDesktop from '@theme/DocSidebar/Desktop';
import DocSidebarMobile from '@theme/DocSidebar/Mobile';

export default function DocSidebar(props: Props) {
  const { shown } = useNavbarMobileSidebar();
  const [menuOpened, setMenuOpened] = useState(false);
  useEffect(() => {
    if (shown) setMenuOpened(true);
  }, [shown]);
  return (
    <>
      <DocSidebarDesktop {...props} />
      {menuOpened ? <DocSidebarMobile {...props} /> : null}
    </>
  );
}

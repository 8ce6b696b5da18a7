'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Viewer } from './types';

/** `undefined` while the header does not know yet (before the first answer). */
const ViewerContext = createContext<Viewer | undefined>(undefined);

/**
 * Asks `/api/viewer` who is signed in, once per page (after each navigation, so signing in or
 * reading notifications shows in the header). The HTML around it is the same for everyone,
 * which is what lets public pages come from cache.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<Viewer | undefined>(undefined);
  useEffect(() => {
    let current = true;
    fetch('/api/viewer', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : { viewer: null }))
      .then((answer: { viewer: Viewer }) => {
        if (current) setViewer(answer.viewer);
      })
      .catch(() => {
        if (current) setViewer(null);
      });
    return () => {
      current = false;
    };
  }, [pathname]);
  return <ViewerContext value={viewer}>{children}</ViewerContext>;
}

export function useViewer(): Viewer | undefined {
  return useContext(ViewerContext);
}

'use client';

import { themeScript } from './theme';

/**
 * The inline script is executed by the browser while it parses the server HTML. On the client
 * it renders as `text/plain`, so React does not warn about a script it would never run.
 */
export function ThemeScript() {
  return (
    <script
      type={typeof window === 'undefined' ? 'text/javascript' : 'text/plain'}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: themeScript }}
    />
  );
}

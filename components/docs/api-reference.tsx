'use client';

import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
import 'swagger-ui-react/swagger-ui.css';
import './api-reference.css';
import { tryItRequestInterceptor, type TryItTarget } from '@/components/try-it/request-interceptor';
import { tryItPlugin } from '@/components/try-it/swagger-try-it';
import { TryItNotice } from '@/components/try-it/try-it-notice';

/**
 * swagger-ui-react is large (~440 KB gzip) and touches `window`, so it loads in the browser
 * only, on this page only. The spec is passed as an object: given a `url`, swagger-ui would
 * also call its online validator.
 */
const SwaggerUI = dynamic(() => import('swagger-ui-react'), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      Loading the interactive reference…
    </p>
  ),
});

/** "Try it out" through the portal's proxy to the API's own stage; without it, reading only. */
type Props = { spec: Record<string, unknown>; tryIt?: TryItTarget };

/**
 * swagger-ui wraps its server picker in an empty <label>: a second label gives the select a
 * name screen readers announce (a control may have several labels).
 */
const labelledServers = () => ({
  wrapComponents: {
    Servers: (Original: ComponentType<object>) =>
      function LabelledServers(props: object) {
        return (
          <>
            <label htmlFor="servers" className="sr-only">
              Server
            </label>
            <Original {...props} />
          </>
        );
      },
  },
});

/** swagger-ui reads its options once, when it mounts; later renders change nothing. */
const readingPlugins = [labelledServers];
const tryItPlugins = [labelledServers, tryItPlugin];

export function ApiReference({ spec, tryIt }: Props) {
  const options = tryIt
    ? {
        requestInterceptor: tryItRequestInterceptor(tryIt),
        plugins: tryItPlugins,
        showMutatedRequest: false,
      }
    : { supportedSubmitMethods: [], plugins: readingPlugins };
  return (
    <div className="space-y-3">
      {tryIt && <TryItNotice access={tryIt.access} />}
      <div className="api-reference rounded-lg bg-white p-2 text-slate-900">
        <SwaggerUI spec={spec} docExpansion="list" defaultModelsExpandDepth={0} {...options} />
      </div>
    </div>
  );
}

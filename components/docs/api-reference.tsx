'use client';

import dynamic from 'next/dynamic';
import 'swagger-ui-react/swagger-ui.css';

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

export function ApiReference({ spec }: { spec: Record<string, unknown> }) {
  return (
    <div className="api-reference rounded-lg bg-white p-2 text-slate-900">
      <SwaggerUI spec={spec} docExpansion="list" defaultModelsExpandDepth={0} />
    </div>
  );
}

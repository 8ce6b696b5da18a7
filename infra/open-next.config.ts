import type { OpenNextConfig } from '@opennextjs/aws/types/open-next.js';

/**
 * How OpenNext packages the portal for lib/site.ts: one streaming server function behind a
 * Lambda function URL (payload format 2.0), and the S3 incremental cache for the pages kept
 * for anonymous visitors, each with the policy of its own inline scripts (./open-next-csp-cache).
 * A stale kept page is rendered again by the function itself (the `direct` queue: a HEAD
 * request to the page) once its time is up. No tag cache: revalidatePath() in server actions
 * refreshes only pages rendered per request, so kept pages follow an admin's change within
 * their revalidate time.
 */
const config = {
  default: {
    override: {
      wrapper: 'aws-lambda-streaming',
      converter: 'aws-apigw-v2',
      incrementalCache: () => import('./open-next-csp-cache').then((module) => module.default),
      tagCache: 'dummy',
      queue: 'direct',
    },
  },
} satisfies OpenNextConfig;

export default config;

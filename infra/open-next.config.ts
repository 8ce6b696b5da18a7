import type { OpenNextConfig } from '@opennextjs/aws/types/open-next.js';

/**
 * How OpenNext packages the portal for lib/site.ts: one streaming server function behind a
 * Lambda function URL (payload format 2.0), and the S3 incremental cache for the pages
 * prerendered at build time. No tag cache or revalidation queue: nothing is regenerated on a
 * timer, and revalidatePath() in server actions only refreshes pages rendered per request.
 */
const config = {
  default: {
    override: {
      wrapper: 'aws-lambda-streaming',
      converter: 'aws-apigw-v2',
      incrementalCache: 's3-lite',
      tagCache: 'dummy',
      queue: 'dummy',
    },
  },
} satisfies OpenNextConfig;

export default config;

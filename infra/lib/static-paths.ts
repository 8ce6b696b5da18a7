/**
 * The one path CloudFront serves from S3 instead of the server function: Next.js's hashed
 * build files, which OpenNext puts in `.open-next/assets` and the stack uploads to the bucket.
 * Kept free of CDK imports so the portal's Lambda tests can check the same split.
 */
export const staticFilesPathPattern = '/_next/static/*';

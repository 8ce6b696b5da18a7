import { applyRuntimeSettings } from './aws-settings';

/**
 * The server function's entry point, bundled next to OpenNext's `index.mjs` at synth time.
 * Top-level await finishes during the Lambda cold start, before the portal's code is even
 * loaded, so its configuration (validated once, at start-up) already sees the secret.
 */
await applyRuntimeSettings();

// A non-literal specifier: OpenNext's handler exists only in the deployed bundle, so neither
// TypeScript nor esbuild should try to resolve it here.
const openNextEntry = './index.mjs';
const server: { handler: unknown } = await import(openNextEntry);

export const handler = server.handler;

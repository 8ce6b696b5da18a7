import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // Vitest runs outside Next's server runtime, where this marker package is a no-op.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    // The AWS SDK is pinned to versions that run on Node 20 (see the README); its notice that
    // later versions will need Node 22 would otherwise repeat in every test file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,local,components,app}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/*.lambda.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,local,app}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['./lib/testing/local-stack.global-setup.ts'],
          setupFiles: ['./lib/testing/stack-env.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // `npm run test:lambda`: the OpenNext build driven as Lambda would, against a stack.
          name: 'lambda',
          include: ['local/lambda/**/*.lambda.test.ts'],
          environment: 'node',
          globalSetup: ['./lib/testing/local-stack.global-setup.ts'],
          // OpenNext's server changes directory on load, which only a child process may do.
          pool: 'forks',
          // The built server is loaded by Node itself, exactly as Lambda loads it.
          server: { deps: { external: [/[\\/]\.open-next[\\/]/] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

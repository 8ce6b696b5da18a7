import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'functions/**/*.test.ts'],
    environment: 'node',
    // Synthesizing bundles the housekeeping function with esbuild: seconds, not milliseconds.
    testTimeout: 60_000,
  },
});

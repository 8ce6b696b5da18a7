import { inject } from 'vitest';

/**
 * Integration tests exercise the portal's real configuration path: `config()` reads
 * process.env on first use, so point it at this run's local stack before any test runs.
 */
Object.assign(process.env, inject('stackEnv'));

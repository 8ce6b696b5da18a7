import { afterAll, inject } from 'vitest';
import { removeTestCustomers } from './portal-deps';

/**
 * Integration tests exercise the portal's real configuration path: `config()` reads
 * process.env on first use, so point it at this run's local stack before any test runs.
 */
Object.assign(process.env, inject('stackEnv'));

// Other test files expect only the seeded accounts in the shared pool.
afterAll(removeTestCustomers);

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const integrationFiles = ['tests/integration/**/*.test.ts', 'hq-server/src/**/*.int.test.ts'];

/**
 * One test command for the whole repository. Integration tests run twice: against the
 * PostgreSQL named by DATABASE_URL (when set; each file gets its own fresh database) and
 * against embedded PGlite, so the same migrations and queries are proved on both.
 */
export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['shared/src/**/*.test.ts', 'hardware/src/**/*.test.ts', 'hq-server/src/**/*.test.ts', 'pos-client/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      ...(process.env.DATABASE_URL
        ? [{ test: { name: 'integration-postgres', root, include: integrationFiles, env: { POS_TEST_DB: 'postgres' }, testTimeout: 60_000, hookTimeout: 120_000 } }]
        : []),
      // Makes its own PostgreSQL primary and streaming replica with this machine's server programs.
      ...(process.env.DATABASE_URL
        ? [{ test: { name: 'replica', root, include: ['tests/replica/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } }]
        : []),
      // Builds HQ's production bundle once and starts it as processes: the refusal without a database
      // always, two processes on one fresh PostgreSQL database when DATABASE_URL names a server.
      {
        test: {
          name: 'processes', root, include: ['tests/processes/**/*.test.ts'], globalSetup: ['tests/processes/build-hq.ts'],
          env: { POS_TEST_DB: process.env.DATABASE_URL ? 'postgres' : 'pglite' }, testTimeout: 120_000, hookTimeout: 120_000,
        },
      },
      { test: { name: 'integration-pglite', root, include: integrationFiles, env: { POS_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          root,
          // After every other project, so the browser tests do not share the two cores with them.
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          env: { POS_TEST_DB: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const integrationFiles = ['tests/integration/**/*.test.ts', 'hq-server/src/**/*.int.test.ts'];

/**
 * With a PostgreSQL server to test on, PGlite runs the files about where it differs from the server
 * (the same engine, in WebAssembly, on one connection): concurrent writers queued on that
 * connection, long transactions holding it, advisory locks, extensions, migrations, backups and
 * the demo's seeding, which `pnpm start` runs on it. Every other integration file runs on
 * PostgreSQL only; without a server, all of them run on PGlite.
 */
const pgliteWhereItDiffers = [
  'backup-restore', 'ledger-verify', 'member-messages', 'shared-database', 'stock-concurrency', 'stored-value-concurrency',
  'sync-push', 'sync-push-race', 'sync-push-together', 'sync-pull', 'sync-snapshot', 'sync-protocol', 'sales-analysis-property', 'allocation-migration',
  'seed-interrupted', 'commission-demo-seed', 'points-demo-seed', 'product-search-order', 'product-lookup',
].map((name) => `tests/integration/${name}.test.ts`);

/**
 * One test command for the whole repository. Integration tests run against the PostgreSQL named
 * by DATABASE_URL (when set; each file gets its own fresh database) and against embedded PGlite
 * (all of them without a server, those about where PGlite differs with one).
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
      {
        test: {
          name: 'integration-pglite', root, include: process.env.DATABASE_URL ? pgliteWhereItDiffers : integrationFiles,
          env: { POS_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000,
        },
      },
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

import { randomBytes } from 'node:crypto';
import { createPglite, openDatabase, type Database } from '@pos/hq-server/db/client';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import { formatLedgerReport, verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import postgres from 'postgres';
import { pgliteFromRecipe, postgresFromRecipe, type DatabaseRecipe } from './db-template';

export interface TestDatabase extends Database {
  /** A URL for other processes, when the database is a real PostgreSQL. */
  url: string | null;
  /**
   * For a file that changes balances behind their ledgers on purpose (to prove the check finds
   * it): its database is closed without the ledger proof every other file ends with.
   */
  skipLedgerProof(): void;
}

/**
 * Every test file's database ends with `pnpm ledger:verify`'s proof (rule 5): each stored-value
 * balance and points pool equal to the sum of its entries. A difference fails the file, with the
 * report, so no test anywhere leaves money or points that the ledgers do not bear out. A bare
 * database (no migrations: a restore's target) has no ledgers to prove.
 */
function provingLedgersAtClose(database: Database & { url: string | null }, migrated: boolean): TestDatabase {
  let prove = migrated;
  return {
    ...database,
    skipLedgerProof: () => {
      prove = false;
    },
    close: async () => {
      try {
        if (prove) {
          const report = await verifyLedgers(database.db);
          if (!report.ok) throw new Error(`the ledgers disagree with their balances:\n${formatLedgerReport(report).join('\n')}`);
        }
      } finally {
        await database.close();
      }
    },
  };
}

/** Every migration applied, nothing else. */
const migrated: DatabaseRecipe = { key: 'migrated', build: migrateDatabase };

/**
 * A fresh database for one test file: a new PostgreSQL database on the server named by
 * DATABASE_URL when the run is against PostgreSQL, otherwise an in-memory PGlite. It is a
 * clone of `recipe` (by default every migration applied); with `migrated: false`, a bare
 * empty one (a restore's target).
 */
export async function createTestDatabase(options: DatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (process.env.POS_TEST_DB === 'postgres' && serverUrl) return createPostgresDatabase(serverUrl, options);
  if (options.migrated === false) return provingLedgersAtClose({ ...(await openDatabase({ pglite: await createPglite() })), url: null }, false);
  return pgliteTestDatabase(options.recipe ?? migrated);
}

/** An in-memory PGlite cloned from the recipe, whatever the run's database. */
export async function pgliteTestDatabase(recipe: DatabaseRecipe = migrated): Promise<TestDatabase> {
  return provingLedgersAtClose({ ...(await pgliteFromRecipe(recipe)), url: null }, true);
}

export interface DatabaseOptions {
  migrated?: boolean;
  recipe?: DatabaseRecipe;
}

export async function createPostgresDatabase(serverUrl: string, { migrated: withMigrations = true, recipe = migrated }: DatabaseOptions = {}): Promise<TestDatabase> {
  const name = `pos_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  if (withMigrations) await postgresFromRecipe(serverUrl, name, recipe);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  if (!withMigrations) await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return provingLedgersAtClose({
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  }, withMigrations);
}

import { randomBytes } from 'node:crypto';
import { createPglite, openDatabase, type Database } from '@pos/hq-server/db/client';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import postgres from 'postgres';

export interface TestDatabase extends Database {
  /** A URL for other processes, when the database is a real PostgreSQL. */
  url: string | null;
}

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database on the server named
 * by DATABASE_URL when the run is against PostgreSQL, otherwise an in-memory PGlite.
 * With `migrated: false`, a bare empty one (a restore's target).
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (process.env.POS_TEST_DB === 'postgres' && serverUrl) return createPostgresDatabase(serverUrl, { migrated });
  const database = await openDatabase({ pglite: await createPglite() });
  if (migrated) await migrateDatabase(database);
  return { ...database, url: null };
}

export async function createPostgresDatabase(serverUrl: string, { migrated = true } = {}): Promise<TestDatabase> {
  const name = `pos_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (migrated) await migrateDatabase(database);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

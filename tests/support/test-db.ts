import { randomBytes } from 'node:crypto';
import { createPglite, openDatabase, type Database } from '@pos/hq-server/db/client';
import { migrateDatabase } from '@pos/hq-server/db/migrate';
import postgres from 'postgres';
import { pgliteFromRecipe, postgresFromRecipe, type DatabaseRecipe } from './db-template';

export interface TestDatabase extends Database {
  /** A URL for other processes, when the database is a real PostgreSQL. */
  url: string | null;
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
  if (options.migrated === false) return { ...(await openDatabase({ pglite: await createPglite() })), url: null };
  return { ...(await pgliteFromRecipe(options.recipe ?? migrated)), url: null };
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

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database, Db } from './client';
import { HQ_LOCKS } from './hq-locks';

/**
 * `migrations/` beside the code: copied next to the built bundle (`hq-server/dist/migrations`) by
 * `pnpm build`, else the repository's own, three folders up from this source file.
 */
function findMigrationsFolder(): string {
  const besideBundle = fileURLToPath(new URL('./migrations', import.meta.url));
  return existsSync(join(besideBundle, 'meta/_journal.json')) ? besideBundle : fileURLToPath(new URL('../../../migrations', import.meta.url));
}

export const migrationsFolder = findMigrationsFolder();

/** The migrations this version of HQ has, in order, with drizzle's hash of each. */
export const knownMigrations = (): MigrationMeta[] => readMigrationFiles({ migrationsFolder });

/**
 * On PostgreSQL, several HQ processes may start at once: each migrates on a connection of its own
 * holding a session advisory lock, so the first applies what is missing and the others wait for it
 * and then find nothing to do (drizzle's own bookkeeping is not safe against a second migrator).
 */
async function migrateFrom(database: Database, folder: string): Promise<void> {
  const own = database.ownConnection();
  if (!own) return migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  try {
    await underLock(own.db, () => migratePostgres(own.db as unknown as PostgresJsDatabase, { migrationsFolder: folder }));
  } finally {
    await own.close();
  }
}

async function underLock(db: Db, work: () => Promise<void>): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${HQ_LOCKS.classId}, ${HQ_LOCKS.migrations})`);
  try {
    await work();
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${HQ_LOCKS.classId}, ${HQ_LOCKS.migrations})`);
  }
}

/**
 * Applies every migration in `migrations/` not yet applied; the same files serve PostgreSQL and PGlite.
 * With `upTo`, only the first `upTo` of them (a restore brings the database to its backup's level first).
 */
export async function migrateDatabase(database: Database, upTo?: number): Promise<void> {
  if (upTo === undefined) return migrateFrom(database, migrationsFolder);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const folder = mkdtempSync(join(tmpdir(), 'pos-migrations-'));
  try {
    const entries = journal.entries.slice(0, upTo);
    mkdirSync(join(folder, 'meta'));
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries) cpSync(join(migrationsFolder, `${tag}.sql`), join(folder, `${tag}.sql`));
    await migrateFrom(database, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

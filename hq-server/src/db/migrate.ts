import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** The migrations this version of HQ has, in order, with drizzle's hash of each. */
export const knownMigrations = (): MigrationMeta[] => readMigrationFiles({ migrationsFolder });

async function migrateFrom(database: Database, folder: string): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
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

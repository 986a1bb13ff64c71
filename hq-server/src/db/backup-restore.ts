import { sql } from 'drizzle-orm';
import { MIGRATION_WRITTEN_TABLES, countRows, readMigrationLevel, tablesInLoadOrder } from './backup-catalog';
import { BackupError, type BackupHeader } from './backup-format';
import { readBackupFile } from './backup-read';
import type { Database, Db } from './client';
import { knownMigrations, migrateDatabase } from './migrate';
import { query } from './query';

export interface RestoreSummary {
  tables: number;
  rows: number;
  migrations: number;
}

/** The backup's migrations must be this version's first ones, and the database must not be past them. */
async function checkMigrationLevels(db: Db, { migrations }: BackupHeader): Promise<void> {
  const known = knownMigrations();
  const sameAsKnown = (level: { applied: number; lastHash: string | null }) =>
    level.applied <= known.length && (level.applied === 0 || known[level.applied - 1]!.hash === level.lastHash);
  if (!sameAsKnown(migrations)) {
    throw new BackupError(`this backup was made by a version of HQ with other migrations (${migrations.applied} applied); restore it with that version`);
  }
  const current = await readMigrationLevel(db);
  if (!sameAsKnown(current) || current.applied > migrations.applied) {
    throw new BackupError(`this database is migrated past the backup (${current.applied} migrations, the backup has ${migrations.applied}); restore into a new, empty database`);
  }
}

async function refuseUnlessEmpty(db: Db): Promise<void> {
  const filled: string[] = [];
  for (const { name } of await tablesInLoadOrder(db)) {
    if (MIGRATION_WRITTEN_TABLES.has(name)) continue;
    const [row] = await query<{ filled: boolean }>(db, sql`select exists (select 1 from ${sql.identifier(name)}) as filled`);
    if (row!.filled) filled.push(name);
  }
  if (filled.length) {
    throw new BackupError(
      `a backup is restored into an empty database only, and this one has rows (in ${filled.slice(0, 4).join(', ')}${filled.length > 4 ? ', …' : ''}); ` +
        'point DATABASE_URL (or PGLITE_DIR) at a new database and restore again',
    );
  }
}

/** Loads every row in the backup's order with the tables' own triggers off, so change sequence numbers stay as they were. */
async function loadRows(db: Db, file: string, header: BackupHeader): Promise<void> {
  const tables = await tablesInLoadOrder(db);
  const here = tables.map((t) => t.name).sort().join(', ');
  if (header.tables.map((t) => t.name).sort().join(', ') !== here) throw new BackupError('the backup does not hold the tables this database has at its migration level');
  // DISABLE TRIGGER USER leaves the foreign-key checks on, and needs only table ownership (not superuser, as session_replication_role does).
  for (const { name } of tables) await db.execute(sql`alter table ${sql.identifier(name)} disable trigger user`);
  for (const { name } of tables) if (MIGRATION_WRITTEN_TABLES.has(name)) await db.execute(sql`delete from ${sql.identifier(name)}`);
  await readBackupFile(file, {
    wholeTables: new Set(tables.filter((t) => t.selfReferencing).map((t) => t.name)),
    rows: async (table, lines) => {
      const target = sql.identifier(table);
      await db.execute(sql`insert into ${target} select * from json_populate_recordset(null::${target}, ${`[${lines.join(',')}]`}::json)`);
    },
  });
  for (const { name } of tables) await db.execute(sql`alter table ${sql.identifier(name)} enable trigger user`);
  for (const s of header.sequences) await db.execute(sql`select setval(${s.name}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
  const counts = await countRows(db, header.tables.map((t) => t.name));
  const wrong = header.tables.filter((t) => counts.get(t.name) !== t.rows);
  if (wrong.length) throw new BackupError(`after loading, ${wrong.map((t) => `${t.name} has ${counts.get(t.name)} rows, not ${t.rows}`).join('; ')}`);
}

/**
 * Restores a backup into an empty database: reads the whole file through first (a damaged one is
 * refused before anything changes), brings the database to the backup's migration level, then
 * loads every table, sets the sequences and checks the counts in one transaction. Later
 * migrations run at HQ's next start, over the restored data.
 */
export async function restoreBackup(database: Database, file: string): Promise<RestoreSummary> {
  const header = await readBackupFile(file);
  await checkMigrationLevels(database.db, header);
  await refuseUnlessEmpty(database.db);
  await migrateDatabase(database, header.migrations.applied);
  await database.db.transaction(async (db) => {
    await refuseUnlessEmpty(db);
    await loadRows(db, file, header);
  });
  await database.db.execute(sql`analyze`);
  return { tables: header.tables.length, rows: header.tables.reduce((n, t) => n + t.rows, 0), migrations: header.migrations.applied };
}

import { sql } from 'drizzle-orm';
import type { Db } from './client';
import type { BackupHeader, MigrationLevel } from './backup-format';
import { query } from './query';

export interface CatalogTable {
  name: string;
  /** Has a foreign key to itself (a category's parent): its rows are loaded in one statement. */
  selfReferencing: boolean;
}

/**
 * Tables a migration writes rows into by itself, about the database rather than the chain (that a
 * roll-up needs no filling on a database without sales). A new database holds these rows, so they
 * do not make it non-empty; a restore replaces them with the backup's.
 */
export const MIGRATION_WRITTEN_TABLES: ReadonlySet<string> = new Set(['roll_up_fills']);

/** The application's tables (schema `public`), each after every table its foreign keys point at. */
export async function tablesInLoadOrder(db: Db): Promise<CatalogTable[]> {
  const tables = await query<{ name: string }>(db, sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition order by c.relname`);
  const keys = await query<{ child: string; parent: string }>(db, sql`
    select child.relname as child, parent.relname as parent from pg_constraint k
    join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = k.connamespace
    where k.contype = 'f' and n.nspname = 'public'`);
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of keys) parents.get(child)?.add(parent);
  const ordered: CatalogTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.name) && [...parents.get(t.name)!].every((p) => p === t.name || placed.has(p)));
    if (!next) throw new Error('the foreign keys between tables form a cycle; a backup cannot order them');
    placed.add(next.name);
    ordered.push({ name: next.name, selfReferencing: parents.get(next.name)!.has(next.name) });
  }
  return ordered;
}

/** Every sequence in `public` (the change sequence among them) with its current state. */
export async function readSequences(db: Db): Promise<BackupHeader['sequences']> {
  const names = await query<{ name: string }>(db, sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`);
  const sequences: BackupHeader['sequences'] = [];
  for (const { name } of names) {
    const [state] = await query<{ lastValue: string; isCalled: boolean }>(db, sql`
      select last_value::text as "lastValue", is_called as "isCalled" from ${sql.identifier(name)}`);
    sequences.push({ name, ...state! });
  }
  return sequences;
}

/** How far drizzle's migrator has brought this database: none when its journal table is not there yet. */
export async function readMigrationLevel(db: Db): Promise<MigrationLevel> {
  const [journal] = await query<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!journal!.present) return { applied: 0, lastHash: null };
  const applied = await query<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return { applied: applied.length, lastHash: applied.at(-1)?.hash ?? null };
}

/** Row counts of the given tables, as the caller's transaction sees them. */
export async function countRows(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of tables) {
    const [row] = await query<{ n: string }>(db, sql`select count(*)::text as n from ${sql.identifier(name)}`);
    counts.set(name, Number(row!.n));
  }
  return counts;
}

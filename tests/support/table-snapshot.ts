import type { Db } from '@pos/hq-server/db/client';
import { query } from '@pos/hq-server/db/query';
import { sql } from 'drizzle-orm';

/** Each table of the public schema, by name, as a row count and a checksum of every row's text. */
export type TableSnapshot = Record<string, string>;

/**
 * Tables that every request may legitimately write, whoever sends it: office sign-in adds a session
 * row. Kept short on purpose; anything else that moves is a change the test must explain.
 */
export const tablesAnyRequestMayWrite: readonly string[] = ['office_sessions'];

const statements = new WeakMap<Db, string>();

/** One statement that checksums every table, built once per database from information_schema. */
async function snapshotStatement(db: Db): Promise<string> {
  const known = statements.get(db);
  if (known) return known;
  const tables = await query<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const statement = tables
    .map(({ name }) => `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as sum from ${quote(name)} t`)
    .join(' union all ');
  statements.set(db, statement);
  return statement;
}

export async function takeSnapshot(db: Db): Promise<TableSnapshot> {
  const rows = await query<{ name: string; sum: string }>(db, sql.raw(await snapshotStatement(db)));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** The tables whose rows differ between two snapshots, leaving out those any request may write. */
export function changedTables(before: TableSnapshot, after: TableSnapshot, mayWrite: readonly string[] = tablesAnyRequestMayWrite): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !mayWrite.includes(name) && before[name] !== after[name]).sort();
}

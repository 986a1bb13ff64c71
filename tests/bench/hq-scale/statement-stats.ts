import type postgres from 'postgres';
import { round } from '../stats';

/**
 * PostgreSQL's own account of where the database's time went (`pg_stat_statements`), when the
 * server loads the extension (`shared_preload_libraries`); null when it does not.
 */
export async function openStatementStats(sql: postgres.Sql) {
  try {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select 1 from pg_stat_statements limit 1`;
  } catch {
    return null;
  }
  return {
    reset: async () => void (await sql`select pg_stat_statements_reset()`),
    /** The statements that took the most time since the reset, on this database. */
    top: async (count: number) => {
      const rows = await sql<{ query: string; calls: string; total_ms: number; mean_ms: number; rows: string }[]>`
        select query, calls::text, total_exec_time as total_ms, mean_exec_time as mean_ms, rows::text
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        order by total_exec_time desc limit ${count}`;
      const [all] = await sql<{ total_ms: number | null; calls: string | null }[]>`
        select sum(total_exec_time) as total_ms, sum(calls)::text as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())`;
      return {
        totalMs: round(all?.total_ms ?? 0, 0), calls: Number(all?.calls ?? 0),
        top: rows.map((r) => ({ calls: Number(r.calls), totalMs: round(r.total_ms, 0), meanMs: round(r.mean_ms, 3), rows: Number(r.rows), query: r.query.replace(/\s+/g, ' ').slice(0, 200) })),
      };
    },
  };
}

export type StatementStats = NonNullable<Awaited<ReturnType<typeof openStatementStats>>>;

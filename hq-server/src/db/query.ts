import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);

/** Runs raw SQL and returns its rows on either driver (postgres.js answers with an array, PGlite with `{ rows }`). */
export async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

const dialect = new PgDialect();

/**
 * Runs raw SQL as `query` does, as a statement each PostgreSQL connection keeps prepared. Drizzle
 * sends `execute`'s statements unprepared, which with postgres.js costs two round trips every time
 * (Parse and Describe, then Bind and Execute, the connection held between them until the event
 * loop sends the second half) and a fresh plan. A prepared statement is one round trip after its
 * first on a connection. Only for the statements every till request sends, whose text is one of a
 * few: each text is kept on every connection for the connection's life.
 */
export async function preparedQuery<T>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db._.session.prepareQuery(dialect.sqlToQuery(statement), undefined, 'prepared', false).execute());
}

/** Ids as a PostgreSQL array literal, for `= any(…::uuid[])`. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Runs raw SQL and returns its rows on either driver (postgres.js answers with an array, PGlite with `{ rows }`). */
export async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Ids as a PostgreSQL array literal, for `= any(…::uuid[])`. */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

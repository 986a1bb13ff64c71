import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';

/**
 * The database reports read from: the replica when one is configured, else the primary. Only
 * reads go there; anything a report writes (a print counted against a role's limit) goes to `db`.
 */
export function reportsDb(deps: Pick<Deps, 'db' | 'reportsDb'>): Db {
  return deps.reportsDb ?? deps.db;
}

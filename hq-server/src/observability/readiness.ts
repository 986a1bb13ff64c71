import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { knownMigrations } from '../db/migrate';
import { query } from '../db/query';
import { sqlStateOf } from '../db/sql-state';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** How long the database may take to answer before the process counts as not ready. */
export const READY_TIMEOUT_MS = 2000;

let newestMigration: number | undefined;

/** When the newest migration this code has was made (drizzle's `folderMillis`), read from disk once. */
function newestMigrationMillis(): number {
  newestMigration ??= Math.max(0, ...knownMigrations().map((m) => m.folderMillis));
  return newestMigration;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms).unref());
}

/** The newest migration applied, by drizzle's own record; null when none ever was (no schema or table yet: 3F000, 42P01). */
async function newestApplied(db: Db): Promise<number | null> {
  try {
    const [row] = await query<{ applied: string | null }>(db, sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`);
    return row?.applied == null ? null : Number(row.applied);
  } catch (error) {
    if (['3F000', '42P01'].includes(sqlStateOf(error) ?? '')) return null;
    throw error;
  }
}

/**
 * Ready when the database answers within `timeoutMs` and holds every migration this code has
 * (drizzle applies the ones made after the newest it recorded, so that one says it all).
 */
export async function checkReadiness(db: Db, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let applied: number | null;
  try {
    applied = await Promise.race([newestApplied(db), timeout(timeoutMs)]);
  } catch (error) {
    return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
  }
  if (applied === null || applied < newestMigrationMillis()) return { ready: false, reason: 'the database lacks migrations this HQ needs; they are applied at start-up or by `pnpm db:migrate`' };
  return { ready: true };
}

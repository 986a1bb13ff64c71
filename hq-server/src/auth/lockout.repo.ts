import { and, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { clerks, users } from '../org/org.tables';

export interface LockoutPolicy {
  maxAttempts: number;
  lockMs: number;
}

export interface FailureCount {
  attempts: number;
  lockedUntil: Date | null;
}

type Executor = Pick<Db, 'update'>;

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * One wrong try, counted by the database in one statement so that tries arriving together are
 * all counted: a lock that has run out starts a fresh count; the try that reaches the limit locks
 * until now + lockMs; a lock in force is kept as it is (more wrong tries do not extend it).
 */
function failureSet(attempts: PgColumn, lockedUntil: PgColumn, now: Date, { maxAttempts, lockMs }: LockoutPolicy): { attempts: SQL; lockedUntil: SQL } {
  const next = sql`case when ${lockedUntil} <= ${at(now)} then 1 else ${attempts} + 1 end`;
  return {
    attempts: next,
    lockedUntil: sql`case when ${lockedUntil} > ${at(now)} then ${lockedUntil} when ${next} >= ${maxAttempts} then ${at(new Date(now.getTime() + lockMs))} else null end`,
  };
}

/** Only a caller who is not locked may be let in; the condition is checked on the row as it is at the update. */
const notLocked = (lockedUntil: PgColumn, now: Date) => or(isNull(lockedUntil), lte(lockedUntil, now));

export async function recordClerkFailure(db: Executor, chainId: string, clerkId: string, now: Date, policy: LockoutPolicy): Promise<FailureCount> {
  const set = failureSet(clerks.failedPinAttempts, clerks.lockedUntil, now, policy);
  const [row] = await db
    .update(clerks)
    .set({ failedPinAttempts: set.attempts, lockedUntil: set.lockedUntil })
    .where(and(eq(clerks.chainId, chainId), eq(clerks.id, clerkId)))
    .returning({ attempts: clerks.failedPinAttempts, lockedUntil: clerks.lockedUntil });
  if (!row) throw new Error(`clerk ${clerkId} vanished while signing in`);
  return row;
}

/** Clears the count after a right PIN; false when the clerk is locked, even by tries counted after the PIN was read. */
export async function clearClerkFailures(db: Executor, chainId: string, clerkId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(clerks)
    .set({ failedPinAttempts: 0, lockedUntil: null })
    .where(and(eq(clerks.chainId, chainId), eq(clerks.id, clerkId), notLocked(clerks.lockedUntil, now)))
    .returning({ id: clerks.id });
  return rows.length === 1;
}

export async function recordPasswordFailure(db: Executor, chainId: string, userId: string, now: Date, policy: LockoutPolicy): Promise<void> {
  const set = failureSet(users.failedPasswordAttempts, users.lockedUntil, now, policy);
  await db
    .update(users)
    .set({ failedPasswordAttempts: set.attempts, lockedUntil: set.lockedUntil })
    .where(and(eq(users.chainId, chainId), eq(users.id, userId)));
}

/** Clears the count after a right password; false when the account is locked. */
export async function clearPasswordFailures(db: Executor, chainId: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedPasswordAttempts: 0, lockedUntil: null })
    .where(and(eq(users.chainId, chainId), eq(users.id, userId), notLocked(users.lockedUntil, now)))
    .returning({ id: users.id });
  return rows.length === 1;
}

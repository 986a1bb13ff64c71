import { ClerkSignInBody, type Clerk } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { lockRemainingSeconds, recordPinFailure } from '../auth/pin-lockout';
import { verifyPin } from '../auth/verify-pin';

/** Why a manager's approval was refused; each has its words in `error.<code>`, shared with sign-in where the words fit. */
export type ApprovalFailure = 'SIGN_IN_INPUT_INVALID' | 'PIN_INVALID' | 'CLERK_LOCKED' | 'APPROVER_NOT_MANAGER';

export type ApprovalResult = { ok: true; approverId: string } | { ok: false; code: ApprovalFailure; retryAfterSeconds?: number };

/**
 * A store manager's code and PIN (店长授权) for a discount a cashier may not give alone. It is
 * checked on the till against the pulled clerks, so approval works offline like sign-in does.
 * Wrong PINs count towards the same lock-out as signing in, so this prompt cannot be used to
 * guess a manager's PIN five at a time; an unknown code counts the same, so it tells nothing.
 */
export async function approveDiscount({ db, now }: { db: TillDb; now: () => Date }, storeId: string, input: { clerkCode: string; pin: string }): Promise<ApprovalResult> {
  const body = ClerkSignInBody.safeParse(input);
  if (!body.success) return { ok: false, code: 'SIGN_IN_INPUT_INVALID' };
  const { clerkCode, pin } = body.data;
  const locked = lockRemainingSeconds(await db.pinAttempts.get(clerkCode), now());
  if (locked > 0) return { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: locked };

  const clerk = await findStoreClerk(db, clerkCode, storeId);
  if (!clerk || !(await verifyPin(pin, clerk.pin))) return wrongPin(db, clerkCode, now());
  await db.pinAttempts.delete(clerkCode);
  // Checked only after the PIN, so a clerk's role is told to no one who does not know their PIN.
  return clerk.role === 'store_manager' ? { ok: true, approverId: clerk.id } : { ok: false, code: 'APPROVER_NOT_MANAGER' };
}

async function wrongPin(db: TillDb, clerkCode: string, now: Date): Promise<ApprovalResult> {
  const attempts = recordPinFailure(await db.pinAttempts.get(clerkCode), clerkCode, now);
  await db.pinAttempts.put(attempts);
  const locked = lockRemainingSeconds(attempts, now);
  return locked > 0 ? { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: locked } : { ok: false, code: 'PIN_INVALID' };
}

/** An active clerk who may work at this store: one of its own, or one HQ gave every store (no store), as sign-in allows. */
async function findStoreClerk(db: TillDb, code: string, storeId: string): Promise<Clerk | undefined> {
  const clerks = await db.clerks.where('code').equals(code).toArray();
  return clerks.find((clerk) => clerk.active && (clerk.storeId === null || clerk.storeId === storeId));
}

import { ClerkSignInBody, mayApprove, type Clerk, type TillKey } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { lockRemainingSeconds, recordPinFailure } from '../auth/pin-lockout';
import { verifyPin } from '../auth/verify-pin';
import { tillPermissionsOf } from './till-permissions-of';

/** Why a manager's approval was refused; each has its words in `error.<code>`, shared with sign-in where the words fit. */
export type ApprovalFailure = 'SIGN_IN_INPUT_INVALID' | 'PIN_INVALID' | 'CLERK_LOCKED' | 'APPROVER_NOT_ALLOWED';

export type ApprovalResult = { ok: true; approverId: string } | { ok: false; code: ApprovalFailure; retryAfterSeconds?: number };

/** What is to be approved: the key, for a discount its share of what it is on, and who asked. */
export interface ApprovalRequest {
  key: TillKey;
  discountBp?: number;
  requestedBy: string;
}

/**
 * A manager's code and PIN (店长授权) for a key the signed-in clerk may not use alone. It is
 * checked on the till against the pulled clerks and till roles, so approval works offline like
 * sign-in does. The approver must be allowed the key alone themselves (for a discount, at that
 * size), and may not be the clerk who asked. Wrong PINs count towards the same lock-out as
 * signing in, so this prompt cannot be used to guess a PIN five at a time; an unknown code
 * counts the same, so it tells nothing.
 */
export async function approveKey({ db, now }: { db: TillDb; now: () => Date }, storeId: string, request: ApprovalRequest, input: { clerkCode: string; pin: string }): Promise<ApprovalResult> {
  const body = ClerkSignInBody.safeParse(input);
  if (!body.success) return { ok: false, code: 'SIGN_IN_INPUT_INVALID' };
  const { clerkCode, pin } = body.data;
  const locked = lockRemainingSeconds(await db.pinAttempts.get(clerkCode), now());
  if (locked > 0) return { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: locked };

  const clerk = await findStoreClerk(db, clerkCode, storeId);
  if (!clerk || !(await verifyPin(pin, clerk.pin))) return wrongPin(db, clerkCode, now());
  await db.pinAttempts.delete(clerkCode);
  // Checked only after the PIN, so what a clerk may do is told to no one who does not know their PIN.
  const permissions = await tillPermissionsOf(db, clerk.id, clerk.role);
  const allowed = clerk.id !== request.requestedBy && mayApprove(permissions, request.key, request.discountBp ?? 0);
  return allowed ? { ok: true, approverId: clerk.id } : { ok: false, code: 'APPROVER_NOT_ALLOWED' };
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

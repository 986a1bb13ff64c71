import { ClerkSignInBody, type Clerk } from '@pos/shared';
import type { ClerkSignIn, TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { failureCode, isUnreachable } from '../../hq/hq-failure';
import { lockFor, lockRemainingSeconds, recordPinFailure } from './pin-lockout';
import { verifyPin } from './verify-pin';

export interface SignInDeps {
  db: TillDb;
  hq: HqClient;
  now: () => Date;
}

export type SignInResult =
  | { ok: true; session: ClerkSignIn; mode: 'online' | 'offline' }
  | { ok: false; code: string; retryAfterSeconds?: number; reachedHq: boolean };

/** Signs a clerk in at HQ when it answers, otherwise against the pulled PIN hash; wrong PINs are counted on this till either way. */
export async function signInClerk({ db, hq, now }: SignInDeps, input: { clerkCode: string; pin: string }): Promise<SignInResult> {
  const body = ClerkSignInBody.safeParse(input);
  if (!body.success) return { ok: false, code: 'SIGN_IN_INPUT_INVALID', reachedHq: false };
  const { clerkCode, pin } = body.data;
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, code: 'DEVICE_REFUSED', reachedHq: false };
  const locked = lockRemainingSeconds(await db.pinAttempts.get(clerkCode), now());
  if (locked > 0) return { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: locked, reachedHq: false };

  const online = await hq.signInClerk(pairing.deviceToken, body.data);
  if (online.ok) {
    const { clerk, token } = online.value;
    return succeed(db, { clerkId: clerk.id, code: clerk.code, name: clerk.name, role: clerk.role, token, signedInAt: now().toISOString() }, 'online');
  }
  const { failure } = online;
  if (!isUnreachable(failure)) {
    if (failure.kind === 'http' && failure.status === 423) {
      const seconds = retryAfter(failure.details) ?? 300;
      await db.pinAttempts.put(lockFor(clerkCode, seconds, now()));
      return { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: seconds, reachedHq: true };
    }
    if (failure.kind === 'http' && failure.code === 'PIN_INVALID') return wrongPin(db, clerkCode, now(), true);
    if (failure.kind === 'http' && failure.status === 401) return { ok: false, code: 'DEVICE_REFUSED', reachedHq: true };
    return { ok: false, code: failureCode(failure), reachedHq: true };
  }

  const clerk = await findClerk(db, clerkCode, pairing.store.id);
  if (!clerk || !(await verifyPin(pin, clerk.pin))) return wrongPin(db, clerkCode, now(), false);
  return succeed(db, { clerkId: clerk.id, code: clerk.code, name: clerk.name, role: clerk.role, token: null, signedInAt: now().toISOString() }, 'offline');
}

async function succeed(db: TillDb, session: ClerkSignIn, mode: 'online' | 'offline'): Promise<SignInResult> {
  await db.transaction('rw', db.meta, db.pinAttempts, async () => {
    await db.pinAttempts.delete(session.code);
    await db.putMeta('session', session);
  });
  return { ok: true, session, mode };
}

async function wrongPin(db: TillDb, clerkCode: string, now: Date, reachedHq: boolean): Promise<SignInResult> {
  const attempts = recordPinFailure(await db.pinAttempts.get(clerkCode), clerkCode, now);
  await db.pinAttempts.put(attempts);
  const locked = lockRemainingSeconds(attempts, now);
  return locked > 0 ? { ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: locked, reachedHq } : { ok: false, code: 'PIN_INVALID', reachedHq };
}

async function findClerk(db: TillDb, code: string, storeId: string): Promise<Clerk | undefined> {
  const clerks = await db.clerks.where('code').equals(code).toArray();
  return clerks.find((c) => c.active && (c.storeId === null || c.storeId === storeId));
}

function retryAfter(details: unknown): number | null {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  const value = details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

import type { ClerkSession, ClerkSignInBody, OfficeSession, OfficeSignInBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { clerkSessions, clerks, officeSessions, users } from '../org/org.tables';
import { officePermissionsOf } from '../roles/office-permissions';
import { clearClerkFailures, clearPasswordFailures, recordClerkFailure, recordPasswordFailure, type LockoutPolicy } from './lockout.repo';
import { hashPassword, issueToken, verifyPassword, verifyPin } from './secrets';

const HOUR = 3_600_000;
export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 5;
export const MAX_PASSWORD_ATTEMPTS = 10;
export const PASSWORD_LOCK_MINUTES = 15;
const pinPolicy: LockoutPolicy = { maxAttempts: MAX_PIN_ATTEMPTS, lockMs: PIN_LOCK_MINUTES * 60_000 };
const passwordPolicy: LockoutPolicy = { maxAttempts: MAX_PASSWORD_ATTEMPTS, lockMs: PASSWORD_LOCK_MINUTES * 60_000 };

const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** Compared against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
const decoyPasswordHash = hashPassword('not-a-real-password');

/** One answer for a wrong e-mail, a wrong password and a locked account, so none of them tells an account exists. */
const refused = () => new AppError('UNAUTHENTICATED', `wrong e-mail or password; after ${MAX_PASSWORD_ATTEMPTS} wrong tries an account is locked for ${PASSWORD_LOCK_MINUTES} minutes`);

/**
 * Signs an office user in. Wrong passwords count on the account, atomically; the tenth in a row
 * locks it for PASSWORD_LOCK_MINUTES, during which even the right password is refused.
 */
export async function signInOffice({ db, clock, config }: Deps, body: OfficeSignInBody): Promise<OfficeSession> {
  const found = await db.select().from(users).where(and(eq(users.email, body.email.toLowerCase()), eq(users.active, true)));
  const user = found.length === 1 ? found[0] : undefined;
  const valid = await verifyPassword(body.password, user?.passwordHash ?? (await decoyPasswordHash));
  const now = clock();
  if (!user || !valid) {
    // The same statement for an unknown e-mail (matching no row), so it takes as long as a wrong password.
    await recordPasswordFailure(db, user?.chainId ?? NO_ROW, user?.id ?? NO_ROW, now, passwordPolicy);
    throw refused();
  }
  const expiresAt = new Date(now.getTime() + config.OFFICE_SESSION_HOURS * HOUR);
  const { token, hash } = issueToken('ofs', user.chainId);
  await db.transaction(async (tx) => {
    if (!(await clearPasswordFailures(tx, user.chainId, user.id, now))) throw refused();
    await tx.insert(officeSessions).values({ chainId: user.chainId, id: newId(clock), userId: user.id, tokenHash: hash, createdAt: now, expiresAt });
  });
  const principal = { kind: 'office' as const, chainId: user.chainId, userId: user.id, sessionId: '', role: user.role, franchiseeId: user.franchiseeId, regionId: user.regionId, storeId: user.storeId };
  const permissions = await officePermissionsOf(db, principal);
  return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, name: user.name, email: user.email, role: user.role }, permissions };
}

const clerkLocked = (lockedUntil: Date, now: Date) =>
  new AppError('CLERK_LOCKED', 'too many wrong PINs; try again later', { retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) });

/**
 * Signs a clerk in on a paired till. Wrong PINs count on the clerk's row, in one statement so that
 * tries arriving together are all counted; the MAX_PIN_ATTEMPTS-th locks the clerk for
 * PIN_LOCK_MINUTES, whichever till they try, and a right PIN is let in only while not locked.
 */
export async function signInClerk({ db, clock, config }: Deps, device: DevicePrincipal, body: ClerkSignInBody): Promise<ClerkSession> {
  const [clerk] = await db
    .select()
    .from(clerks)
    .where(and(eq(clerks.chainId, device.chainId), eq(clerks.code, body.clerkCode), eq(clerks.active, true)));
  const now = clock();
  if (!clerk || (clerk.storeId !== null && clerk.storeId !== device.storeId)) {
    throw new AppError('PIN_INVALID', 'wrong clerk code or PIN');
  }
  if (clerk.lockedUntil && clerk.lockedUntil > now) throw clerkLocked(clerk.lockedUntil, now);
  const pin = { algorithm: 'pbkdf2-sha256' as const, iterations: clerk.pinIterations, salt: clerk.pinSalt, hash: clerk.pinHash };
  if (!(await verifyPin(body.pin, pin))) {
    const { attempts, lockedUntil } = await recordClerkFailure(db, clerk.chainId, clerk.id, now, pinPolicy);
    if (lockedUntil && lockedUntil > now) throw clerkLocked(lockedUntil, now);
    throw new AppError('PIN_INVALID', 'wrong clerk code or PIN', { attemptsLeft: MAX_PIN_ATTEMPTS - attempts });
  }
  const expiresAt = new Date(now.getTime() + config.CLERK_SESSION_HOURS * HOUR);
  const { token, hash } = issueToken('cks', device.chainId);
  await db.transaction(async (tx) => {
    if (!(await clearClerkFailures(tx, clerk.chainId, clerk.id, now))) throw new AppError('CLERK_LOCKED', 'too many wrong PINs; try again later', { retryAfterSeconds: PIN_LOCK_MINUTES * 60 });
    await tx.insert(clerkSessions).values({ chainId: device.chainId, id: newId(clock), clerkId: clerk.id, deviceId: device.deviceId, tokenHash: hash, createdAt: now, expiresAt });
  });
  return { token, expiresAt: expiresAt.toISOString(), clerk: { id: clerk.id, name: clerk.name, code: clerk.code, role: clerk.role } };
}

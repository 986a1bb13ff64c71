import type { ClerkSession, ClerkSignInBody, OfficeSession, OfficeSignInBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { clerkSessions, clerks, officeSessions, users } from '../org/org.tables';
import { hashPassword, issueToken, verifyPassword, verifyPin } from './secrets';

const HOUR = 3_600_000;
export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 5;

/** Compared against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
const decoyPasswordHash = hashPassword('not-a-real-password');

export async function signInOffice({ db, clock, config }: Deps, body: OfficeSignInBody): Promise<OfficeSession> {
  const found = await db.select().from(users).where(and(eq(users.email, body.email.toLowerCase()), eq(users.active, true)));
  const user = found.length === 1 ? found[0] : undefined;
  const valid = await verifyPassword(body.password, user?.passwordHash ?? (await decoyPasswordHash));
  if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'wrong e-mail or password');
  const now = clock();
  const expiresAt = new Date(now.getTime() + config.OFFICE_SESSION_HOURS * HOUR);
  const { token, hash } = issueToken('ofs', user.chainId);
  await db.insert(officeSessions).values({ chainId: user.chainId, id: newId(clock), userId: user.id, tokenHash: hash, createdAt: now, expiresAt });
  return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

/**
 * Signs a clerk in on a paired till. Wrong PINs count on the clerk's row; after
 * MAX_PIN_ATTEMPTS the clerk is locked for PIN_LOCK_MINUTES, whichever till they try.
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
  if (clerk.lockedUntil && clerk.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((clerk.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('CLERK_LOCKED', 'too many wrong PINs; try again later', { retryAfterSeconds });
  }
  const pin = { algorithm: 'pbkdf2-sha256' as const, iterations: clerk.pinIterations, salt: clerk.pinSalt, hash: clerk.pinHash };
  if (!(await verifyPin(body.pin, pin))) {
    const attempts = clerk.failedPinAttempts + 1;
    const locked = attempts >= MAX_PIN_ATTEMPTS;
    await db
      .update(clerks)
      .set({ failedPinAttempts: locked ? 0 : attempts, lockedUntil: locked ? new Date(now.getTime() + PIN_LOCK_MINUTES * 60_000) : null })
      .where(and(eq(clerks.chainId, clerk.chainId), eq(clerks.id, clerk.id)));
    if (locked) throw new AppError('CLERK_LOCKED', 'too many wrong PINs; try again later', { retryAfterSeconds: PIN_LOCK_MINUTES * 60 });
    throw new AppError('PIN_INVALID', 'wrong clerk code or PIN', { attemptsLeft: MAX_PIN_ATTEMPTS - attempts });
  }
  const expiresAt = new Date(now.getTime() + config.CLERK_SESSION_HOURS * HOUR);
  const { token, hash } = issueToken('cks', device.chainId);
  await db.transaction(async (tx) => {
    await tx.update(clerks).set({ failedPinAttempts: 0, lockedUntil: null }).where(and(eq(clerks.chainId, clerk.chainId), eq(clerks.id, clerk.id)));
    await tx.insert(clerkSessions).values({ chainId: device.chainId, id: newId(clock), clerkId: clerk.id, deviceId: device.deviceId, tokenHash: hash, createdAt: now, expiresAt });
  });
  return { token, expiresAt: expiresAt.toISOString(), clerk: { id: clerk.id, name: clerk.name, code: clerk.code, role: clerk.role } };
}

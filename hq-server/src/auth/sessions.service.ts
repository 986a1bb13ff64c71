import type { OfficeSessionInfo, OfficeSessionState } from '@pos/shared';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { clerkSessions, officeSessions, users } from '../org/org.tables';
import { officePermissionsOf } from '../roles/office-permissions';
import { parseToken } from './secrets';

/** Ends the session the request came with; its token answers 401 from now on. */
export async function signOutOffice({ db, clock }: Deps, principal: OfficePrincipal): Promise<void> {
  await db
    .update(officeSessions)
    .set({ revokedAt: clock() })
    .where(and(eq(officeSessions.chainId, principal.chainId), eq(officeSessions.id, principal.sessionId), isNull(officeSessions.revokedAt)));
}

/** Ends a clerk's session begun on this till; a token of another till, or one already ended, changes nothing. */
export async function signOutClerk({ db, clock }: Deps, device: DevicePrincipal, token: string): Promise<void> {
  const parsed = parseToken(token);
  if (!parsed || parsed.kind !== 'cks' || parsed.chainId !== device.chainId) return;
  await db
    .update(clerkSessions)
    .set({ revokedAt: clock() })
    .where(and(eq(clerkSessions.chainId, device.chainId), eq(clerkSessions.tokenHash, parsed.hash), eq(clerkSessions.deviceId, device.deviceId), isNull(clerkSessions.revokedAt)));
}

/** The clerk a session token of this till speaks for, while it has neither expired nor been revoked; else 401. */
export async function clerkOfSession({ db, clock }: Deps, device: DevicePrincipal, token: string): Promise<string> {
  const parsed = parseToken(token);
  if (parsed?.kind === 'cks' && parsed.chainId === device.chainId) {
    const [session] = await db.select({ clerkId: clerkSessions.clerkId }).from(clerkSessions).where(and(
      eq(clerkSessions.chainId, device.chainId), eq(clerkSessions.tokenHash, parsed.hash), eq(clerkSessions.deviceId, device.deviceId),
      isNull(clerkSessions.revokedAt), gt(clerkSessions.expiresAt, clock()),
    ));
    if (session) return session.clerkId;
  }
  throw new AppError('UNAUTHENTICATED', 'the clerk session is unknown, expired or revoked');
}

/**
 * Whether the caller may see and end another user's sessions: everyone their own, HQ anyone in
 * the chain, a franchisee their own users and those of their stores. Anyone else is "not found".
 */
async function userInScope(db: Db, principal: OfficePrincipal, userId: string, missing = 'no such user'): Promise<void> {
  if (userId === principal.userId) return;
  const [user] = await db.select({ franchiseeId: users.franchiseeId, storeId: users.storeId }).from(users).where(and(eq(users.chainId, principal.chainId), eq(users.id, userId)));
  if (user && principal.role === 'hq_admin') return;
  if (user && principal.role === 'franchisee' && principal.franchiseeId) {
    if (user.franchiseeId === principal.franchiseeId) return;
    const stores = await storesInScope(db, principal);
    if (user.storeId && stores.some((s) => s.id === user.storeId)) return;
  }
  throw new AppError('NOT_FOUND', missing);
}

/** The sessions of a user in scope that have neither expired nor been revoked, newest first. */
export async function listOfficeSessions({ db, clock }: Deps, principal: OfficePrincipal, userId = principal.userId): Promise<OfficeSessionInfo[]> {
  await userInScope(db, principal, userId);
  const rows = await db
    .select()
    .from(officeSessions)
    .where(and(eq(officeSessions.chainId, principal.chainId), eq(officeSessions.userId, userId), gt(officeSessions.expiresAt, clock()), isNull(officeSessions.revokedAt)))
    .orderBy(desc(officeSessions.createdAt), desc(officeSessions.id));
  return rows.map((s) => ({ id: s.id, userId: s.userId, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), current: s.id === principal.sessionId }));
}

/** Revokes one session of a user in scope; 404 for a session out of scope or unknown. Revoking an ended one again is a no-op. */
export async function revokeOfficeSession({ db, clock }: Deps, principal: OfficePrincipal, sessionId: string): Promise<void> {
  const [session] = await db
    .select({ userId: officeSessions.userId })
    .from(officeSessions)
    .where(and(eq(officeSessions.chainId, principal.chainId), eq(officeSessions.id, sessionId)));
  if (!session) throw new AppError('NOT_FOUND', 'no such session');
  await userInScope(db, principal, session.userId, 'no such session');
  await db
    .update(officeSessions)
    .set({ revokedAt: clock() })
    .where(and(eq(officeSessions.chainId, principal.chainId), eq(officeSessions.id, sessionId), isNull(officeSessions.revokedAt)));
}

/** The caller's own session: who they are, until when, and their effective office permissions. */
export async function currentOfficeSession({ db }: Deps, principal: OfficePrincipal): Promise<OfficeSessionState> {
  const [row] = await db
    .select({ expiresAt: officeSessions.expiresAt, name: users.name, email: users.email })
    .from(officeSessions)
    .innerJoin(users, and(eq(users.chainId, officeSessions.chainId), eq(users.id, officeSessions.userId)))
    .where(and(eq(officeSessions.chainId, principal.chainId), eq(officeSessions.id, principal.sessionId)));
  if (!row) throw new AppError('UNAUTHENTICATED', 'the session has ended');
  return {
    expiresAt: row.expiresAt.toISOString(),
    user: { id: principal.userId, name: row.name, email: row.email, role: principal.role },
    permissions: await officePermissionsOf(db, principal),
  };
}

import type { OfficeSession, OfficeSessionState } from '@pos/shared';

/** The query key of the signed-in user as HQ has them now (`GET /auth/office/session`); a refused call invalidates it. */
export const officePrincipalKey = ['auth', 'office', 'session'] as const;

/**
 * How often the office asks HQ who the user is and what their role lets them do, besides on window
 * focus and after any refusal: a role HQ changes reaches open offices within this time.
 */
export const principalRefreshMs = 3 * 60_000;

/**
 * The session with the user and permissions HQ answered now, keeping its token. The same object
 * when nothing changed, so screens do not render again for a refetch that found nothing new.
 */
export function withPrincipal(session: OfficeSession, now: OfficeSessionState): OfficeSession {
  const next = { ...session, user: now.user, permissions: now.permissions, expiresAt: now.expiresAt };
  return JSON.stringify(next) === JSON.stringify(session) ? session : next;
}

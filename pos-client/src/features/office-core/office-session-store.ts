import { OfficeSession } from '@pos/shared';

const storageKey = 'pos-office-session';

/** The signed-in office user, kept for this browser tab only (sessionStorage), never past its expiry. */
export function loadOfficeSession(storage: Storage, now: Date): OfficeSession | null {
  const raw = storage.getItem(storageKey);
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = OfficeSession.safeParse(json);
  if (!parsed.success || new Date(parsed.data.expiresAt).getTime() <= now.getTime()) {
    storage.removeItem(storageKey);
    return null;
  }
  return parsed.data;
}

export function saveOfficeSession(storage: Storage, session: OfficeSession): void {
  storage.setItem(storageKey, JSON.stringify(session));
}

export function clearOfficeSession(storage: Storage): void {
  storage.removeItem(storageKey);
}

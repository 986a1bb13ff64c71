import { defaultOfficePermissions } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { clearOfficeSession, loadOfficeSession, saveOfficeSession } from './office-session-store';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const session = {
  token: 'ofc.abc',
  expiresAt: '2026-11-22T16:00:00.000Z',
  user: { id: '0193a6d2-7c1e-7a00-8000-000000000001', name: 'HQ Admin', email: 'hq@demo.pos', role: 'hq_admin' as const },
  permissions: defaultOfficePermissions('hq_admin'),
};

describe('office session storage', () => {
  it('gives back the saved session until it expires', () => {
    const storage = memoryStorage();
    saveOfficeSession(storage, session);
    expect(loadOfficeSession(storage, new Date('2026-11-22T15:59:59Z'))).toEqual(session);
    expect(loadOfficeSession(storage, new Date('2026-11-22T16:00:00Z'))).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('drops what does not parse as a session', () => {
    const storage = memoryStorage();
    storage.setItem('pos-office-session', '{"token":1}');
    expect(loadOfficeSession(storage, new Date('2026-11-22T00:00:00Z'))).toBeNull();
    storage.setItem('pos-office-session', 'not json');
    expect(loadOfficeSession(storage, new Date('2026-11-22T00:00:00Z'))).toBeNull();
  });

  it('forgets the session on sign-out', () => {
    const storage = memoryStorage();
    saveOfficeSession(storage, session);
    clearOfficeSession(storage);
    expect(loadOfficeSession(storage, new Date('2026-11-22T00:00:00Z'))).toBeNull();
  });
});

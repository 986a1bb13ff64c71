import { describe, expect, it, vi } from 'vitest';
import { createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import type { HqClient } from '../../hq/hq-client';
import { signOutClerk } from './sign-out-clerk';

async function signedInTill(token: string | null) {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token, signedInAt: '2025-03-01T10:00:00.000Z' });
  return db;
}

describe('signOutClerk', () => {
  it('ends the clerk’s session at HQ with the token sign-in gave', async () => {
    const db = await signedInTill('clerk-token');
    const hqSignOut = vi.fn(async () => ({ ok: true as const, value: null }));
    await signOutClerk({ db, hq: { signOutClerk: hqSignOut } as unknown as HqClient });
    expect(hqSignOut).toHaveBeenCalledWith(pairedDevice.deviceToken, { token: 'clerk-token' });
    expect(await db.getMeta('session')).toBeUndefined();
  });

  it('never waits on an HQ that does not answer', async () => {
    const db = await signedInTill('clerk-token');
    const hqSignOut = vi.fn(() => new Promise<never>(() => {}));
    await signOutClerk({ db, hq: { signOutClerk: hqSignOut } as unknown as HqClient });
    expect(await db.getMeta('session')).toBeUndefined();
  });

  it('does not call HQ for a clerk who signed in offline', async () => {
    const db = await signedInTill(null);
    const hqSignOut = vi.fn();
    await signOutClerk({ db, hq: { signOutClerk: hqSignOut } as unknown as HqClient });
    expect(hqSignOut).not.toHaveBeenCalled();
    expect(await db.getMeta('session')).toBeUndefined();
  });
});

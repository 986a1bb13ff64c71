import { describe, expect, it, vi } from 'vitest';
import type { ClerkSession, PinHash } from '@pos/shared';
import { clerkWithPin, createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import type { HqClient } from '../../hq/hq-client';
import type { HqResult } from '../../hq/hq-failure';
import { signInClerk } from './sign-in-clerk';
import { verifyPin } from './verify-pin';

let clock = new Date('2025-03-01T10:00:00.000Z');
const now = () => clock;

async function hashPin(pin: string, iterations = 1000): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  return { algorithm: 'pbkdf2-sha256', iterations, salt: base64(salt), hash: base64(hash) };
}

function hqAnswering(answer: () => HqResult<ClerkSession>) {
  const signInClerk = vi.fn(async () => answer());
  return { hq: { signInClerk } as unknown as HqClient, signInClerk };
}

const unreachable = () => ({ ok: false as const, failure: { kind: 'unreachable' as const } });

async function tillWithClerk() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.clerks.put(clerkWithPin(await hashPin('2468')));
  return db;
}

describe('verifyPin', () => {
  it('accepts the right PIN and refuses a wrong one', async () => {
    const hash = await hashPin('123456');
    expect(await verifyPin('123456', hash)).toBe(true);
    expect(await verifyPin('123457', hash)).toBe(false);
  });
});

describe('signInClerk', () => {
  it('signs in at HQ when it answers', async () => {
    const db = await tillWithClerk();
    const session = { token: 'clerk-token', expiresAt: '2025-03-01T22:00:00.000Z', clerk: { id: ids.clerk, name: 'Li Na', code: '1001', role: 'cashier' as const } };
    const { hq } = hqAnswering(() => ({ ok: true, value: session }));
    const result = await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' });
    expect(result).toMatchObject({ ok: true, mode: 'online', session: { clerkId: ids.clerk, token: 'clerk-token' } });
    expect((await db.getMeta('session'))?.clerkId).toBe(ids.clerk);
  });

  it('checks the PIN on the till when HQ cannot be reached', async () => {
    const db = await tillWithClerk();
    const { hq } = hqAnswering(unreachable);
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' })).toMatchObject({ ok: true, mode: 'offline', session: { token: null } });
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '1111' })).toMatchObject({ ok: false, code: 'PIN_INVALID' });
    expect(await signInClerk({ db, hq, now }, { clerkCode: '9999', pin: '2468' })).toMatchObject({ ok: false, code: 'PIN_INVALID' });
  });

  it('locks the clerk on this till for five minutes after five wrong PINs', async () => {
    const db = await tillWithClerk();
    const { hq, signInClerk: called } = hqAnswering(unreachable);
    for (let i = 0; i < 4; i++) expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '0000' })).toMatchObject({ code: 'PIN_INVALID' });
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '0000' })).toMatchObject({ code: 'CLERK_LOCKED', retryAfterSeconds: 300 });
    const calls = called.mock.calls.length;
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' })).toMatchObject({ code: 'CLERK_LOCKED' });
    expect(called.mock.calls.length).toBe(calls);
    clock = new Date(clock.getTime() + 5 * 60_000);
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' })).toMatchObject({ ok: true });
  });

  it("honours HQ's lock and its wait", async () => {
    const db = await tillWithClerk();
    const { hq } = hqAnswering(() => ({ ok: false, failure: { kind: 'http', status: 423, code: 'CLERK_LOCKED', message: 'locked', details: { retryAfterSeconds: 120 } } }));
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' })).toMatchObject({ ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: 120 });
    expect((await db.pinAttempts.get('1001'))?.lockedUntil).toBe(new Date(clock.getTime() + 120_000).toISOString());
  });

  it('does not fall back to the offline check when HQ refuses the PIN', async () => {
    const db = await tillWithClerk();
    const { hq } = hqAnswering(() => ({ ok: false, failure: { kind: 'http', status: 401, code: 'PIN_INVALID', message: 'wrong', details: undefined } }));
    expect(await signInClerk({ db, hq, now }, { clerkCode: '1001', pin: '2468' })).toMatchObject({ ok: false, code: 'PIN_INVALID', reachedHq: true });
    expect((await db.pinAttempts.get('1001'))?.failures).toBe(1);
  });
});

import { MAX_PASSWORD_ATTEMPTS, MAX_PIN_ATTEMPTS } from '@pos/hq-server/auth/auth.service';
import { clerks, users } from '@pos/hq-server/org/org.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, DEMO_PIN, json, pairTill, testClock, type Fixture } from '../support/fixture';
import { DEMO_PASSWORD } from '@pos/hq-server/seed/demo-org';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
const clock = testClock();

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
});
afterAll(() => database.close());

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

async function clerkRow(code: string) {
  const [row] = await f.deps.db.select().from(clerks).where(and(eq(clerks.chainId, f.chainId), eq(clerks.code, code)));
  return row!;
}

describe('clerk lock-out under concurrent sign-ins', () => {
  it('never lets more than four wrong PINs through before locking, however many arrive at once', async () => {
    const till = await pairTill(f, 'S002');
    const signIn = (pin: string) => f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0022', pin }, till.deviceToken));
    const statuses = (await Promise.all([...Array.from({ length: 99 }, () => signIn('0000')), signIn(DEMO_PIN)])).map((r) => r.status);
    const wrong = statuses.slice(0, 99);
    expect(count(wrong, 401) + count(wrong, 423)).toBe(99);
    const right = statuses[99];
    // The right PIN wins only if it is counted before the lock, and then the count starts again.
    if (right === 200) expect(count(wrong, 401)).toBeLessThanOrEqual(2 * (MAX_PIN_ATTEMPTS - 1));
    else {
      expect(right).toBe(423);
      expect(count(wrong, 401)).toBe(MAX_PIN_ATTEMPTS - 1);
    }
    expect((await clerkRow('0022')).lockedUntil!.getTime()).toBeGreaterThan(clock().getTime());
    expect((await signIn(DEMO_PIN)).status).toBe(423);
    clock.advance(5 * 60_000 + 1000);
    expect((await signIn(DEMO_PIN)).status).toBe(200);
  });

  it('counts every wrong PIN of thirty sent at once that is checked before the lock, and refuses the right PIN after them', async () => {
    const till = await pairTill(f, 'S002');
    const signIn = (pin: string) => f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0021', pin }, till.deviceToken));
    const statuses = (await Promise.all(Array.from({ length: 30 }, () => signIn('0000')))).map((r) => r.status);
    expect(count(statuses, 401)).toBe(MAX_PIN_ATTEMPTS - 1);
    expect(count(statuses, 423)).toBe(30 - (MAX_PIN_ATTEMPTS - 1));
    // A try that reads the clerk after the lock is refused without being counted; every one read before it is counted.
    const row = await clerkRow('0021');
    expect(row.failedPinAttempts).toBeGreaterThanOrEqual(MAX_PIN_ATTEMPTS);
    expect(row.failedPinAttempts).toBeLessThanOrEqual(30);
    expect(row.lockedUntil!.getTime()).toBe(clock().getTime() + 5 * 60_000);
    const locked = await signIn(DEMO_PIN);
    expect(locked.status).toBe(423);
    expect((await clerkRow('0021')).failedPinAttempts).toBe(row.failedPinAttempts);
  });

  it('starts a fresh count once a lock has run out', async () => {
    const till = await pairTill(f, 'S002');
    const signIn = (pin: string) => f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0021', pin }, till.deviceToken));
    clock.advance(5 * 60_000 + 1000);
    const wrong = await signIn('0000');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { details: { attemptsLeft: number } } }).error.details.attemptsLeft).toBe(MAX_PIN_ATTEMPTS - 1);
    expect((await clerkRow('0021')).lockedUntil).toBeNull();
  });
});

describe('office password lock-out', () => {
  let address = 0;
  /** Each from an address of its own, so the per-address limit stays out of the way. */
  const signIn = (email: string, password: string) =>
    f.app.request('/auth/office/sign-in', json({ email, password }), { incoming: { socket: { remoteAddress: `10.0.${Math.floor(++address / 250)}.${address % 250}` } } });
  const userRow = async (email: string) => (await f.deps.db.select().from(users).where(and(eq(users.chainId, f.chainId), eq(users.email, email))))[0]!;

  it('locks an account for fifteen minutes after ten wrong passwords sent at once, counting every one', async () => {
    const statuses = (await Promise.all(Array.from({ length: 30 }, () => signIn('east@demo.pos', 'wrong-password')))).map((r) => r.status);
    expect(count(statuses, 401)).toBe(30);
    const row = await userRow('east@demo.pos');
    expect(row.failedPasswordAttempts).toBe(30);
    expect(row.lockedUntil!.getTime()).toBe(clock().getTime() + 15 * 60_000);
    expect((await signIn('east@demo.pos', DEMO_PASSWORD)).status).toBe(401);
    clock.advance(15 * 60_000 + 1000);
    expect((await signIn('east@demo.pos', DEMO_PASSWORD)).status).toBe(200);
    expect((await userRow('east@demo.pos')).failedPasswordAttempts).toBe(0);
  });

  it('locks on the tenth wrong password in a row, not before', async () => {
    for (let i = 0; i < MAX_PASSWORD_ATTEMPTS - 1; i++) expect((await signIn('west@demo.pos', 'wrong-password')).status).toBe(401);
    expect((await userRow('west@demo.pos')).lockedUntil).toBeNull();
    expect((await signIn('west@demo.pos', 'wrong-password')).status).toBe(401);
    expect((await signIn('west@demo.pos', DEMO_PASSWORD)).status).toBe(401);
  });

  it('answers a locked account, a wrong password and an unknown e-mail alike', async () => {
    const answers = await Promise.all([signIn('west@demo.pos', DEMO_PASSWORD), signIn('s001@demo.pos', 'wrong-password'), signIn('nobody@demo.pos', 'wrong-password')]);
    const bodies = await Promise.all(answers.map(async (r) => [r.status, await r.json()]));
    expect(bodies[0]![0]).toBe(401);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});

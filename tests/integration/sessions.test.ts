import { clerkSessions } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { tillSyncStatus } from '@pos/hq-server/till-monitor/till-monitor.tables';
import { ClerkSession, DeviceList, DeviceSummary, OfficeSessionList, PairedDevice, PairingCode } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, DEMO_PIN, json, makeSale, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(testClock()));
});
afterAll(() => database.close());

const post = (token: string): RequestInit => ({ method: 'POST', headers: { authorization: `Bearer ${token}` } });
const remove = (token: string): RequestInit => ({ method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const report = (token: string) => f.app.request('/reports/store-day?from=2026-11-01&to=2026-11-30', bearer(token));
const sessionsOf = async (token: string, userId?: string) => {
  const res = await f.app.request(`/auth/sessions${userId ? `?userId=${userId}` : ''}`, bearer(token));
  return res.status === 200 ? OfficeSessionList.parse(await res.json()).sessions : res.status;
};

describe('office sessions', () => {
  it('ends the session signed out of, and only that one', async () => {
    const first = await signInOffice(f, 'east@demo.pos');
    const second = await signInOffice(f, 'east@demo.pos');
    expect((await f.app.request('/auth/office/sign-out', post(first))).status).toBe(204);
    expect((await report(first)).status).toBe(401);
    expect((await report(second)).status).toBe(200);
  });

  it('lists the caller’s open sessions and revokes one of them', async () => {
    const mine = await signInOffice(f, 'west@demo.pos');
    const other = await signInOffice(f, 'west@demo.pos');
    const listed = await sessionsOf(mine);
    if (typeof listed === 'number') throw new Error(`listing failed: ${listed}`);
    expect(listed).toHaveLength(2);
    const current = listed.find((s) => s.current)!;
    const elsewhere = listed.find((s) => !s.current)!;
    expect((await f.app.request(`/auth/sessions/${elsewhere.id}`, remove(mine))).status).toBe(204);
    expect((await report(other)).status).toBe(401);
    expect((await report(mine)).status).toBe(200);
    expect(await sessionsOf(mine)).toEqual([current]);
  });

  it('lets HQ see and end a franchisee’s session, and keeps a franchisee to their own users', async () => {
    const hq = await signInOffice(f, 'hq@demo.pos');
    const east = await signInOffice(f, 'east@demo.pos');
    const west = await signInOffice(f, 'west@demo.pos');
    const currentOf = async (token: string) => ((await sessionsOf(token)) as OfficeSessionList['sessions']).find((s) => s.current);
    const eastSession = await currentOf(east);
    const hqSession = await currentOf(hq);
    expect(await sessionsOf(west, eastSession!.userId)).toBe(404);
    expect(await sessionsOf(east, hqSession!.userId)).toBe(404);
    expect((await f.app.request(`/auth/sessions/${hqSession!.id}`, remove(east))).status).toBe(404);
    expect((await report(hq)).status).toBe(200);
    const seenByHq = await sessionsOf(hq, eastSession!.userId);
    expect(typeof seenByHq !== 'number' && seenByHq.some((s) => s.id === eastSession!.id && !s.current)).toBe(true);
    expect((await f.app.request(`/auth/sessions/${eastSession!.id}`, remove(hq))).status).toBe(204);
    expect((await report(east)).status).toBe(401);
  });
});

describe('clerk sign-out', () => {
  it('ends the clerk session on the till that began it, and not from another till', async () => {
    const till = await pairTill(f, 'S002');
    const otherTill = await pairTill(f, 'S002', 1);
    const signIn = await f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0022', pin: DEMO_PIN }, till.deviceToken));
    const { token } = ClerkSession.parse(await signIn.json());
    const revokedAt = async () => (await f.deps.db.select().from(clerkSessions).where(eq(clerkSessions.deviceId, till.device.id)))[0]!.revokedAt;
    expect((await f.app.request('/auth/clerk/sign-out', json({ token }, otherTill.deviceToken))).status).toBe(204);
    expect(await revokedAt()).toBeNull();
    expect((await f.app.request('/auth/clerk/sign-out', json({ token }, till.deviceToken))).status).toBe(204);
    expect(await revokedAt()).not.toBeNull();
  });
});

describe('revoking a till', () => {
  it('turns its token away, ends its clerk sessions, and lets it pair again as the same device', async () => {
    const till = await pairTill(f, 'S001');
    await f.app.request('/auth/clerk/sign-in', json({ clerkCode: '0011', pin: DEMO_PIN }, till.deviceToken));
    const manager = await signInOffice(f, 's001@demo.pos');
    // Synced once, so HQ knows the token from memory on the sync routes: the revocation still holds there at once.
    expect((await f.app.request('/sync/pull?cursor=0&limit=1', bearer(till.deviceToken))).status).toBe(200);
    const contactBefore = await f.deps.db.select().from(tillSyncStatus).where(eq(tillSyncStatus.deviceId, till.device.id));
    const revoked = await f.app.request(`/devices/${till.device.id}/revoke`, post(manager));
    expect(revoked.status).toBe(200);
    expect(DeviceSummary.parse(await revoked.json()).state).toBe('revoked');
    f.clock.advance(1_000);
    expect((await f.app.request('/sync/pull?cursor=0&limit=1', bearer(till.deviceToken))).status).toBe(401);
    const pushed = await f.app.request('/sync/push', json({ documents: [makeSale(f, till, '0011')] }, till.deviceToken));
    expect(pushed.status).toBe(401);
    expect(await f.deps.db.select().from(tillSyncStatus).where(eq(tillSyncStatus.deviceId, till.device.id))).toEqual(contactBefore);
    expect(await f.deps.db.$count(sales, eq(sales.deviceId, till.device.id))).toBe(0);
    const sessions = await f.deps.db.select().from(clerkSessions).where(eq(clerkSessions.deviceId, till.device.id));
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);

    const rearmed = await f.app.request(`/devices/${till.device.id}/pairing-code`, post(manager));
    expect(rearmed.status).toBe(201);
    const { code } = PairingCode.parse(await rearmed.json());
    const paired = PairedDevice.parse(await (await f.app.request('/devices/pair', json({ code }))).json());
    expect(paired.device.id).toBe(till.device.id);
    expect((await f.app.request('/sync/pull?cursor=0&limit=1', bearer(paired.deviceToken))).status).toBe(200);
    expect((await f.app.request('/sync/pull?cursor=0&limit=1', bearer(till.deviceToken))).status).toBe(401);
  });

  it('lists and revokes only the tills of stores in the caller’s scope', async () => {
    const s2 = await pairTill(f, 'S002');
    const manager = await signInOffice(f, 's001@demo.pos');
    const east = await signInOffice(f, 'east@demo.pos');
    const listed = DeviceList.parse(await (await f.app.request('/devices', bearer(manager))).json()).devices;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((d) => d.storeId === f.storeIds.S001)).toBe(true);
    expect((await f.app.request(`/devices/${s2.device.id}/revoke`, post(manager))).status).toBe(404);
    expect((await f.app.request(`/devices/${s2.device.id}/revoke`, post(east))).status).toBe(404);
    expect((await f.app.request(`/devices/${s2.device.id}/pairing-code`, post(east))).status).toBe(404);
    expect((await f.app.request('/sync/pull?cursor=0&limit=1', bearer(s2.deviceToken))).status).toBe(200);
  });
});

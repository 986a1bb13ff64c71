import { tillDevices } from '@pos/hq-server/org/org.tables';
import { PairedDevice, PairingCode } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededFixture, json, signInOffice, testClock, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(testClock()));
});
afterAll(() => database.close());

describe('pairing codes made at once', () => {
  it('makes every one of six tills asked for together, each with its own code that pairs', async () => {
    const office = await signInOffice(f, 'hq@demo.pos');
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => f.app.request('/devices/pairing-codes', json({ storeId: f.storeIds.S001, name: `Till ${i}` }, office))),
    );
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(201));
    const codes = await Promise.all(made.map(async (r) => PairingCode.parse(await r.json())));
    expect(new Set(codes.map((c) => c.code)).size).toBe(6);
    const devices = await f.deps.db.select({ code: tillDevices.code }).from(tillDevices).where(eq(tillDevices.chainId, f.chainId));
    expect(new Set(devices.map((d) => d.code)).size).toBe(devices.length);
    const paired = await Promise.all(codes.map((c) => f.app.request('/devices/pair', json({ code: c.code }), { incoming: { socket: { remoteAddress: c.deviceId } } })));
    const ids = await Promise.all(paired.map(async (r) => PairedDevice.parse(await r.json()).device.id));
    expect(ids.sort()).toEqual(codes.map((c) => c.deviceId).sort());
  });

  it('gives one token only when the same code is used twice at once', async () => {
    const office = await signInOffice(f, 'hq@demo.pos');
    const { code } = PairingCode.parse(await (await f.app.request('/devices/pairing-codes', json({ storeId: f.storeIds.S002, name: 'Twice' }, office))).json());
    const tries = await Promise.all([1, 2, 3].map((n) => f.app.request('/devices/pair', json({ code }), { incoming: { socket: { remoteAddress: `10.1.1.${n}` } } })));
    expect(tries.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });
});

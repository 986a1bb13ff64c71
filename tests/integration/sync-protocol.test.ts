import { readFileSync } from 'node:fs';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { CashReasonList, OLDEST_SYNC_PROTOCOL, PullResponse, PushResponse, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, type PairedDevice } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

/**
 * The documents a till of sync protocol 1 pushed (a shift opened, a sale, cash paid out, a return,
 * a no-sale, the shift closed), recorded with the chain's ids as `$store:S001`, `$clerk:0012`,
 * `$product:<barcode>`, `$cashReason:<code>` and `$device`, filled in for this database.
 */
const recorded = readFileSync(new URL('../fixtures/sync-protocol-1.push.json', import.meta.url), 'utf8');

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let protocolOne: { documents: unknown[] };

async function fillIn(text: string): Promise<{ documents: unknown[] }> {
  const hq = await signInOffice(f, 'hq@demo.pos');
  const reasons = CashReasonList.parse(await (await f.app.request('/settings/cash-reasons', bearer(hq))).json()).items;
  const ids: Record<string, string | undefined> = { $device: till.device.id };
  for (const [code, id] of Object.entries(f.storeIds)) ids[`$store:${code}`] = id;
  for (const [code, id] of Object.entries(f.clerkIds)) ids[`$clerk:${code}`] = id;
  for (const product of f.catalog) ids[`$product:${product.barcode}`] = product.id;
  for (const reason of reasons) ids[`$cashReason:${reason.code}`] = reason.id;
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('$')) return value;
    const id = ids[value];
    if (!id) throw new Error(`the recording names ${value}, which this chain does not hold`);
    return id;
  }) as { documents: unknown[] };
}

const withProtocol = (init: RequestInit, protocol: string | null): RequestInit =>
  protocol === null ? init : { ...init, headers: { ...(init.headers as Record<string, string>), [SYNC_PROTOCOL_HEADER]: protocol } };

const countSales = async () => f.deps.db.$count(sales, eq(sales.chainId, f.chainId));

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
  protocolOne = await fillIn(recorded);
});
afterAll(() => database.close());

describe('the sync protocol version', () => {
  it('still takes protocol 1, and speaks 2', () => {
    expect([OLDEST_SYNC_PROTOCOL, SYNC_PROTOCOL_VERSION]).toEqual([1, 2]);
  });

  it('accepts what a till of the previous protocol pushes without naming it, once, and serves its pulls', async () => {
    const res = await f.app.request('/sync/push', json(protocolOne, till.deviceToken));
    expect(res.status).toBe(200);
    expect(res.headers.get(SYNC_PROTOCOL_HEADER), 'HQ names the protocol it speaks').toBe(String(SYNC_PROTOCOL_VERSION));
    const first = PushResponse.parse(await res.json());
    expect(first.results.map((r) => [r.index, r.status])).toEqual([[0, 'accepted'], [1, 'accepted'], [2, 'accepted'], [3, 'accepted'], [4, 'accepted'], [5, 'accepted']]);
    expect(await countSales()).toBe(1);

    const again = PushResponse.parse(await (await f.app.request('/sync/push', json(protocolOne, till.deviceToken))).json());
    expect(again.results.map((r) => r.status), 'a till resending after a lost answer').toEqual(Array(6).fill('duplicate'));
    expect(await countSales()).toBe(1);

    const pull = await f.app.request('/sync/pull?cursor=0&limit=50', bearer(till.deviceToken));
    expect(pull.status).toBe(200);
    expect(PullResponse.parse(await pull.json()).changes.length).toBeGreaterThan(0);
    const snapshot = await f.app.request('/sync/snapshot', bearer(till.deviceToken));
    expect(snapshot.status).toBe(200);
    await snapshot.body?.cancel();
  });

  it('accepts a till naming the protocol this HQ speaks', async () => {
    const sale = makeSale(f, till, '0012');
    const res = await f.app.request('/sync/push', withProtocol(json({ documents: [sale] }, till.deviceToken), String(SYNC_PROTOCOL_VERSION)));
    expect(PushResponse.parse(await res.json()).results.map((r) => r.status)).toEqual(['accepted']);
    const pull = await f.app.request('/sync/pull?cursor=0&limit=10', withProtocol(bearer(till.deviceToken), '1'));
    expect(pull.status, 'protocol 1 named outright').toBe(200);
  });

  it('refuses a protocol it does not speak with 426 and which side to update, and writes nothing', async () => {
    const before = await countSales();
    const newer = await f.app.request('/sync/push', withProtocol(json({ documents: [makeSale(f, till, '0012')] }, till.deviceToken), String(SYNC_PROTOCOL_VERSION + 1)));
    expect(newer.status).toBe(426);
    expect(newer.headers.get(SYNC_PROTOCOL_HEADER)).toBe(String(SYNC_PROTOCOL_VERSION));
    const body = (await newer.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe('SYNC_PROTOCOL_UNSUPPORTED');
    expect(body.error.details).toEqual({ protocol: SYNC_PROTOCOL_VERSION + 1, oldest: OLDEST_SYNC_PROTOCOL, newest: SYNC_PROTOCOL_VERSION });
    expect(body.error.message).toMatch(/upgrade HQ/);
    for (const path of ['/sync/pull?cursor=0', '/sync/snapshot']) {
      const refused = await f.app.request(path, withProtocol(bearer(till.deviceToken), '9'));
      expect(refused.status, path).toBe(426);
    }
    expect(await countSales()).toBe(before);
  });

  it('answers a header that is not a version with 400', async () => {
    for (const value of ['two', '0', '-1', '1.5', '99999']) {
      const res = await f.app.request('/sync/push', withProtocol(json({ documents: [makeSale(f, till, '0012')] }, till.deviceToken), value));
      expect(res.status, value).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
  });
});

import { SalesJournal } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
});
afterAll(() => database.close());

async function journal(token: string, query: string) {
  const res = await f.app.request(`/sales/journal?${query}`, bearer(token));
  return { status: res.status, body: res.status === 200 ? SalesJournal.parse(await res.json()) : null };
}

describe('the sales journal', () => {
  it('shows HQ each pushed sale with its lines in order, newest first, and keeps other franchisees’ stores out', async () => {
    const till = await pairTill(f, 'S001');
    const first = makeSale(f, till, '0012', { lines: 3 });
    f.clock.advance(60_000);
    const second = makeSale(f, till, '0012', { lines: 2 });
    const pushed = await f.app.request('/sync/push', json({ documents: [first, second] }, till.deviceToken));
    expect(pushed.status).toBe(200);

    const hq = await signInOffice(f, 'hq@demo.pos');
    const { body } = await journal(hq, `storeId=${f.storeIds.S001}`);
    expect(body!.total).toBe(2);
    expect(body!.items.map((s) => s.id)).toEqual([second.id, first.id]);
    const [latest] = body!.items;
    expect(latest).toMatchObject({ storeCode: 'S001', receiptNo: second.receiptNo, totalMinor: second.totalMinor, discrepancies: 0 });
    expect(latest!.lines).toEqual(second.lines.map((l) => ({
      lineNo: l.lineNo, productId: l.productId, barcode: l.barcode, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor, netMinor: l.netMinor, giftRuleId: null,
    })));
    expect((await journal(hq, `storeId=${f.storeIds.S001}&limit=1&offset=1`)).body!.items.map((s) => s.id)).toEqual([first.id]);

    const east = await signInOffice(f, 'east@demo.pos');
    expect((await journal(east, `storeId=${f.storeIds.S001}`)).status).toBe(404);
    expect((await journal(east, '')).body).toEqual({ items: [], total: 0 });
    expect((await journal(hq, 'from=2030-01-02&to=2030-01-01')).status).toBe(400);
  });
});

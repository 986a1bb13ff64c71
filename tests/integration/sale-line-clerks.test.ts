import { saleLineClerks, saleLines } from '@pos/hq-server/sales/sales.tables';
import { PushResponse, ReceiptLookup, SalesJournal, type PairedDevice, type Sale } from '@pos/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
});
afterAll(() => database.close());

async function push(documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

/** A sale by cashier 0012 of S001: its first line shared by `first` and `second` (60/40), its second credited wholly to `first`, its third the cashier's. */
function sharedSale(first = f.clerkIds['0014']!, second = f.clerkIds['0015']!): Sale {
  const sale = makeSale(f, till, '0012', { lines: 3 });
  sale.lines[0] = { ...sale.lines[0]!, clerkId: first, clerkShares: [{ clerkId: first, shareBp: 6000 }, { clerkId: second, shareBp: 4000 }] };
  sale.lines[1] = { ...sale.lines[1]!, clerkId: first };
  return sale;
}

const storedFor = (saleId: string) => f.deps.db.select({ lineId: saleLineClerks.lineId, clerkId: saleLineClerks.clerkId, shareBp: saleLineClerks.shareBp })
  .from(saleLineClerks).where(and(eq(saleLineClerks.chainId, f.chainId), eq(saleLineClerks.saleId, saleId))).orderBy(asc(saleLineClerks.shareBp));

describe('the clerks a sale’s lines are credited to', () => {
  it('stores a shared line’s shares and a one-clerk line wholly, once however often the sale is pushed', async () => {
    const sale = sharedSale();
    expect((await push([sale])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push([sale, sale])).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const [shared, whole] = sale.lines;
    expect(await storedFor(sale.id)).toEqual([
      { lineId: shared!.id, clerkId: f.clerkIds['0015'], shareBp: 4000 },
      { lineId: shared!.id, clerkId: f.clerkIds['0014'], shareBp: 6000 },
      { lineId: whole!.id, clerkId: f.clerkIds['0014'], shareBp: 10_000 },
    ]);
    const [line] = await f.deps.db.select({ clerkId: saleLines.clerkId }).from(saleLines).where(and(eq(saleLines.chainId, f.chainId), eq(saleLines.id, shared!.id)));
    expect(line!.clerkId).toBe(f.clerkIds['0014']);
  });

  it('rejects, per document, a line shared with a clerk of another store or one HQ does not know, and stores nothing of it', async () => {
    const good = sharedSale();
    const otherStore = sharedSale(f.clerkIds['0014']!, f.clerkIds['0024']!);
    const unknownFirst = sharedSale('0192f0e4-0000-7000-8000-00000000dead', f.clerkIds['0014']!);
    const results = await push([good, otherStore, unknownFirst]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(JSON.stringify(results[1]!.reason)).toContain(`line 1: unknown clerk ${f.clerkIds['0024']}`);
    expect(JSON.stringify(results[2]!.reason)).toContain('unknown clerk 0192f0e4-0000-7000-8000-00000000dead');
    expect(await storedFor(good.id)).toHaveLength(3);
    for (const bad of [otherStore, unknownFirst]) expect(await storedFor(bad.id)).toEqual([]);
  });

  it('refuses a line whose shares do not make the whole, or whose first share is not its clerk', async () => {
    const uneven = sharedSale();
    uneven.lines[0]!.clerkShares![1]!.shareBp = 3000;
    const misnamed = sharedSale();
    misnamed.lines[0]!.clerkId = f.clerkIds['0015']!;
    const results = await push([uneven, misnamed]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(JSON.stringify(results[0]!.reason)).toContain('10000');
    expect(JSON.stringify(results[1]!.reason)).toContain('the first share is the line');
  });

  it('shows each line’s clerks in the sales journal, the line’s clerk first, and none on the cashier’s lines', async () => {
    f.clock.advance(60_000);
    const sale = sharedSale();
    expect((await push([sale])).map((r) => r.status)).toEqual(['accepted']);
    const res = await f.app.request(`/sales/journal?storeId=${f.storeIds.S001}&limit=1`, bearer(await signInOffice(f, 'hq@demo.pos')));
    const [latest] = SalesJournal.parse(await res.json()).items;
    expect(latest!.id).toBe(sale.id);
    expect(latest!.lines.map((l) => l.clerks?.map((c) => [c.code, c.shareBp]))).toEqual([[['0014', 6000], ['0015', 4000]], [['0014', 10_000]], undefined]);
    expect(latest!.lines[0]!.clerks![0]!.name).not.toBe('');
  });

  it('gives a till of another store the sale with its lines’ clerks as sold, so a return there credits them back', async () => {
    f.clock.advance(60_000);
    const sale = sharedSale();
    expect((await push([sale])).map((r) => r.status)).toEqual(['accepted']);
    const otherTill = await pairTill(f, 'S004');
    const res = await f.app.request(`/sales/receipts/${sale.receiptNo}`, bearer(otherTill.deviceToken));
    expect(res.status).toBe(200);
    const found = ReceiptLookup.parse(await res.json()).sale;
    expect(found.lines.map((l) => [l.clerkId, l.clerkShares])).toEqual(sale.lines.map((l) => [l.clerkId, l.clerkShares]));
  });
});

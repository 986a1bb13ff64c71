import { randomBytes } from 'node:crypto';
import { FranchiseStatement, FranchiseStatementList, minor, scaleMinor, uuidv7, type PairedDevice, type Sale, type Shipment } from '@pos/shared';
import { productCosts } from '@pos/hq-server/catalog/catalog.tables';
import { newId } from '@pos/hq-server/ids';
import { franchisees } from '@pos/hq-server/org/org.tables';
import { reportOutputs } from '@pos/hq-server/roles/roles.tables';
import { moveStock } from '@pos/hq-server/stock/stock-ledger';
import { productPacks, warehouses } from '@pos/hq-server/stock/stock.tables';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { addMember, spend, topUp } from '../support/stored-value';
import type { TestDatabase } from '../support/test-db';

// The demo chain is seeded in September, so November holds only what this file does there.
const clock = testClock('2026-11-22T04:00:00Z');
let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let s001Manager: string;
let eastId: string;
let westId: string;
const tills: Record<string, PairedDevice> = {};

const request = async (path: string, token: string, init: RequestInit = {}) => f.app.request(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
const post = (path: string, body: unknown, token: string) => f.app.request(path, json(body, token));
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
async function statementOf(res: Response, status = 200): Promise<FranchiseStatement> {
  expect(res.status, await res.clone().text()).toBe(status);
  return FranchiseStatement.parse(await res.json());
}

/** A cash sale of the given catalog items at `at`, priced as the chain prices them. */
function saleOf(store: string, cashier: string, at: string, items: [number, number][]): Sale {
  const till = tills[store]!;
  const when = new Date(at);
  const id = () => uuidv7(when.getTime(), randomBytes(10));
  const lines = items.map(([index, quantity], i) => {
    const item = f.catalog[index]!;
    const gross = item.priceMinor * quantity;
    return { id: id(), lineNo: i + 1, productId: item.id, barcode: item.barcode, nameZh: item.nameZh, nameEn: item.nameEn, quantity, unitPriceMinor: item.priceMinor, grossMinor: gross, discountMinor: 0, netMinor: gross, clerkId: null };
  });
  const total = lines.reduce((n, l) => n + l.netMinor, 0);
  return {
    kind: 'sale', id: id(), storeId: till.store.id, deviceId: till.device.id, cashierId: f.clerkIds[cashier]!, receiptNo: `${till.device.code}-${id().slice(-6)}`,
    currency: 'CNY', startedAt: new Date(when.getTime() - 60_000).toISOString(), completedAt: when.toISOString(), lines,
    payments: [{ id: id(), tender: 'cash', amountMinor: total, tenderedMinor: total, reference: null }],
    subtotalMinor: total, discountMinor: 0, totalMinor: total, roundingMinor: 0, changeMinor: 0, approvals: [],
  } as unknown as Sale;
}

async function push(store: string, ...sales: Sale[]): Promise<void> {
  const res = await f.app.request('/sync/push', json({ documents: sales }, tills[store]!.deviceToken));
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results.map((r) => r.status), JSON.stringify(body)).toEqual(sales.map(() => 'accepted'));
}

/** An office sign-in lasts hours: each move of the clock to another month signs everyone in again. */
async function signInAll(): Promise<void> {
  const tokens = await Promise.all(['hq', 'east', 'west', 's001'].map((who) => signInOffice(f, `${who}@demo.pos`)));
  [hq, east, west, s001Manager] = tokens as [string, string, string, string];
}

async function moveClock(to: string): Promise<void> {
  clock.set(to);
  await signInAll();
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock, 300, '2026-09-15T04:00:00Z'));
  await signInAll();
  const ids = await f.deps.db.select({ id: franchisees.id, code: franchisees.code }).from(franchisees).where(eq(franchisees.chainId, f.chainId)).orderBy(franchisees.code);
  [eastId, westId] = [ids[0]!.id, ids[1]!.id];
  for (const store of ['S001', 'S004', 'S005', 'S006']) tills[store] = await pairTill(f, store);
}, 240_000);
afterAll(() => database.close());

const P0 = () => f.catalog[10]!.priceMinor;
const P1 = () => f.catalog[11]!.priceMinor;
const SHIPPED_COST = 1_234;

describe('a franchisee’s month: sales, goods, stored value across stores, a fee', () => {
  let november: FranchiseStatement;

  it('bills what happened in the franchisee’s stores, sales following the owner of their day', async () => {
    // Sales: S004 (east) on the 5th; S005 on the 10th under east and on the 18th under west, who takes it over on the 16th; S001 is HQ's.
    await push('S004', saleOf('S004', '0042', '2026-11-05T04:00:00Z', [[10, 3]]));
    await push('S005', saleOf('S005', '0052', '2026-11-10T04:00:00Z', [[11, 2]]), saleOf('S005', '0052', '2026-11-18T04:00:00Z', [[11, 1]]));
    await push('S001', saleOf('S001', '0012', '2026-11-12T04:00:00Z', [[10, 1]]));
    const moved = await post(`/stores/${f.storeIds.S005}/franchisee`, { franchiseeId: westId, effectiveOn: '2026-11-16', note: 'handed over' }, hq);
    expect(moved.status, await moved.clone().text()).toBe(200);

    // Goods: HQ's centre pushes 12 to S004, 10 arrive at the transfer price (its cost); S004 sends 4 to HQ's S001 at 2.50 each.
    const warehouseId = newId(f.deps.clock);
    const shipped = f.catalog[220]!.id;
    await f.deps.db.insert(warehouses).values({ chainId: f.chainId, id: warehouseId, code: 'DC-FS', nameZh: '结算测试仓', nameEn: 'Settlement test centre' });
    await f.deps.db.insert(productPacks).values({ chainId: f.chainId, productId: shipped, packSize: 6 });
    await f.deps.db.insert(productCosts).values({ chainId: f.chainId, id: newId(f.deps.clock), productId: shipped, supplierId: null, amountMinor: SHIPPED_COST, effectiveFrom: new Date('2026-11-01T00:00:00Z'), enteredBy: null, enteredAt: new Date('2026-11-01T00:00:00Z') });
    await f.deps.db.transaction((tx) => moveStock(tx, f.chainId, [{ placeId: warehouseId, productId: shipped, delta: 30, inTransit: 0 }], 'opening', warehouseId, f.deps.clock(), f.deps));
    expect((await post('/stock/requisitions', { storeId: f.storeIds.S004, warehouseId, kind: 'push', lines: [{ productId: shipped, quantity: 12 }] }, hq)).status).toBe(201);
    const allocation = (await (await post('/stock/allocations', { warehouseId }, hq)).json()) as { id: string };
    expect((await post(`/stock/allocations/${allocation.id}/ship`, {}, hq)).status).toBe(200);
    const shipment = ((await (await request(`/stock/shipments?storeId=${f.storeIds.S004}&status=in_transit`, east)).json()) as { items: Shipment[] }).items.find((s) => s.lines[0]!.productId === shipped)!;
    expect((await post(`/stock/shipments/${shipment.id}/receive`, { lines: [{ productId: shipped, received: 10 }] }, east)).status).toBe(200);
    const transferId = newId(f.deps.clock);
    const sent = f.catalog[221]!.id;
    expect((await post('/stock/transfers', { id: transferId, fromStoreId: f.storeIds.S004, toStoreId: f.storeIds.S001, lines: [{ productId: sent, quantity: 4, unitPriceMinor: 250 }] }, east)).status).toBe(201);
    expect((await post(`/stock/transfers/${transferId}/receive`, { lines: [{ productId: sent, received: 4 }] }, hq)).status).toBe(200);

    // Stored value: A tops up 600.00 at S004 (and gets 50.00 bonus), spends 400.00 at west's S006 and 150.00 back at S004;
    // B tops up 300.00 at HQ's S001 and spends 250.00 at S004.
    const [a, b] = [await addMember(f), await addMember(f)];
    expect((await topUp(f, tills.S004!.deviceToken, { cardNo: a.cardNo, amountMinor: 60_000 })).status).toBe(200);
    expect((await spend(f, tills.S006!.deviceToken, { cardNo: a.cardNo, amountMinor: 40_000 })).status).toBe(200);
    expect((await spend(f, tills.S004!.deviceToken, { cardNo: a.cardNo, amountMinor: 15_000 })).status).toBe(200);
    expect((await topUp(f, tills.S001!.deviceToken, { cardNo: b.cardNo, amountMinor: 30_000 })).status).toBe(200);
    expect((await spend(f, tills.S004!.deviceToken, { cardNo: b.cardNo, amountMinor: 25_000 })).status).toBe(200);

    const preview = await statementOf(await request(`/franchise-statements/preview?franchiseeId=${eastId}&period=2026-11`, hq));
    const netSales = 3 * P0() + 2 * P1();
    const royalty = scaleMinor(minor(netSales), 500, 10_000);
    const code = (id: string | null) => preview.stores.find((s) => s.id === id)?.code;
    expect(preview.sales.map((s) => [code(s.storeId), s.from, s.to, s.netSalesMinor])).toEqual([['S004', '2026-11-01', '2026-11-30', 3 * P0()], ['S005', '2026-11-01', '2026-11-15', 2 * P1()]]);
    expect(preview.lines.map((l) => [l.kind, l.figure, code(l.storeId), code(l.otherStoreId), l.documentNo, l.amountMinor])).toEqual([
      ['royalty', 'net_sales', undefined, undefined, null, royalty],
      ['goods_supplied', 'goods_supplied', 'S004', undefined, shipment.no, 10 * SHIPPED_COST],
      ['goods_returned', 'goods_returned', 'S004', 'S001', expect.stringMatching(/^T\d{6}$/), -1_000],
      ['stored_value', 'stored_value_topped_up', undefined, undefined, null, 60_000],
      ['stored_value', 'stored_value_spent', undefined, undefined, null, -40_000],
    ]);
    expect(preview.storedValue.map((s) => [code(s.storeId), s.toppedUpMinor, s.spentMinor])).toEqual([['S004', 60_000, 40_000]]);
    expect(preview.netMinor).toBe(royalty + 12_340 - 1_000 + 20_000);

    // West settles by quarter: S005 from the day they took it over, with the sale of the 18th.
    const westQ4 = await statementOf(await request(`/franchise-statements/preview?franchiseeId=${westId}&period=2026-Q4`, hq));
    const s005 = westQ4.sales.find((s) => s.storeId === f.storeIds.S005)!;
    expect([s005.from, s005.to, s005.netSalesMinor]).toEqual(['2026-11-16', '2026-12-31', P1()]);
  });

  it('drafts the statement with HQ’s fee and adjustment; working a draft out again gives the same figures', async () => {
    expect((await post('/franchise-statements', { franchiseeId: eastId, period: '2026-11' }, east)).status).toBe(403);
    expect(await codeOf(await post('/franchise-statements', { franchiseeId: eastId, period: '2026-Q4' }, hq))).toBe('VALIDATION_FAILED');
    const draft = await statementOf(await post('/franchise-statements', { franchiseeId: eastId, period: '2026-11' }, hq), 201);
    expect(draft).toMatchObject({ status: 'draft', no: expect.stringMatching(/^F\d{6}$/), period: { key: '2026-11', from: '2026-11-01', to: '2026-11-30' } });
    expect(await codeOf(await post('/franchise-statements', { franchiseeId: eastId, period: '2026-11' }, hq))).toBe('CONFLICT');
    await statementOf(await post(`/franchise-statements/${draft.id}/lines`, { kind: 'fee', amountMinor: 30_000, reason: 'POS system fee' }, hq), 201);
    clock.advance(1_000);
    expect((await post(`/franchise-statements/${draft.id}/lines`, { kind: 'fee', amountMinor: -1, reason: 'negative' }, hq)).status).toBe(400);
    const withAdjustment = await statementOf(await post(`/franchise-statements/${draft.id}/lines`, { kind: 'adjustment', amountMinor: -5_000, reason: 'Promotion support' }, hq), 201);
    clock.advance(1_000);
    const mistaken = await statementOf(await post(`/franchise-statements/${draft.id}/lines`, { kind: 'fee', amountMinor: 999, reason: 'typed twice' }, hq), 201);
    const typo = mistaken.lines.find((l) => l.reason === 'typed twice')!;
    const removed = await statementOf(await request(`/franchise-statements/${draft.id}/lines/${typo.id}`, hq, { method: 'DELETE' }));
    expect(removed).toEqual(withAdjustment);

    const again = await statementOf(await request(`/franchise-statements/${draft.id}`, hq));
    expect(again).toEqual(withAdjustment);
    expect(again.lines.slice(-2).map((l) => [l.kind, l.amountMinor, l.reason, l.enteredByName])).toEqual([
      ['fee', 30_000, 'POS system fee', expect.any(String)], ['adjustment', -5_000, 'Promotion support', expect.any(String)],
    ]);
    expect(again.totals).toMatchObject({ feesMinor: 30_000, adjustmentsMinor: -5_000 });
    const royalty = scaleMinor(minor(3 * P0() + 2 * P1()), 500, 10_000);
    expect(again.netMinor).toBe(royalty + 12_340 - 1_000 + 20_000 + 30_000 - 5_000);
    november = again;
  });

  it('approves it once the month is over, and then it is fixed', async () => {
    expect(await codeOf(await post(`/franchise-statements/${november.id}/approve`, {}, hq))).toBe('PERIOD_NOT_ENDED');
    await moveClock('2026-12-01T17:00:00Z');
    const approved = await statementOf(await post(`/franchise-statements/${november.id}/approve`, {}, hq));
    expect(approved).toMatchObject({ status: 'approved', approvedByName: expect.any(String), netMinor: november.netMinor, totals: november.totals, lines: november.lines, sales: november.sales });
    const refusals = await Promise.all([
      post(`/franchise-statements/${november.id}/approve`, {}, hq),
      post(`/franchise-statements/${november.id}/lines`, { kind: 'fee', amountMinor: 100, reason: 'too late' }, hq),
      request(`/franchise-statements/${november.id}/lines/${november.lines.at(-1)!.id}`, hq, { method: 'DELETE' }),
      request(`/franchise-statements/${november.id}`, hq, { method: 'DELETE' }),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect(await Promise.all(refusals.map(codeOf))).toEqual(['STATEMENT_APPROVED', 'STATEMENT_APPROVED', 'STATEMENT_APPROVED', 'STATEMENT_APPROVED']);
    // A change of terms after approval changes nothing that was approved.
    await f.deps.db.update(franchisees).set({ royaltyRateBp: 800 }).where(and(eq(franchisees.chainId, f.chainId), eq(franchisees.id, eastId)));
    expect(await statementOf(await request(`/franchise-statements/${november.id}`, hq))).toEqual(approved);
    await f.deps.db.update(franchisees).set({ royaltyRateBp: 500 }).where(and(eq(franchisees.chainId, f.chainId), eq(franchisees.id, eastId)));
    november = approved;
  });

  it('bills a sale of November that arrives after approval in December, once, and leaves November as it was', async () => {
    await push('S004', saleOf('S004', '0042', '2026-11-29T04:00:00Z', [[10, 1]]));
    expect(await statementOf(await request(`/franchise-statements/${november.id}`, hq))).toEqual(november);
    const december = await statementOf(await post('/franchise-statements', { franchiseeId: eastId, period: '2026-12' }, hq), 201);
    expect(december.lines.filter((l) => l.kind === 'late')).toEqual([
      expect.objectContaining({ figure: 'net_sales', periodKey: '2026-11', baseMinor: P0(), rateBp: 500, amountMinor: scaleMinor(minor(P0()), 500, 10_000) }),
    ]);
    expect(december.totals.lateMinor).toBe(scaleMinor(minor(P0()), 500, 10_000));
    await moveClock('2027-01-02T04:00:00Z');
    expect((await post(`/franchise-statements/${december.id}/approve`, {}, hq)).status).toBe(200);
    const january = await statementOf(await request(`/franchise-statements/preview?franchiseeId=${eastId}&period=2027-01`, hq));
    expect(january.lines.filter((l) => l.kind === 'late')).toEqual([]);
  });

  it('shows a franchisee their own approved statements only', async () => {
    const list = async (token: string, query = '') => FranchiseStatementList.parse(await (await request(`/franchise-statements${query}`, token)).json());
    const mine = await list(east);
    expect(mine.items.every((s) => s.franchisee.id === eastId && s.status === 'approved')).toBe(true);
    expect(mine.items.map((s) => s.period.key)).toContain('2026-11');
    expect((await list(west)).items.every((s) => s.franchisee.id === westId)).toBe(true);
    expect((await list(west, `?franchiseeId=${eastId}`)).items).toEqual([]);
    expect((await request(`/franchise-statements/${november.id}`, west)).status).toBe(404);
    expect((await post(`/franchise-statements/${november.id}/export`, { format: 'csv' }, west)).status).toBe(404);
    expect((await request('/franchise-statements', s001Manager)).status).toBe(403);
    expect(await statementOf(await request(`/franchise-statements/${november.id}`, east))).toEqual(november);
    const draft = await statementOf(await post('/franchise-statements', { franchiseeId: eastId, period: '2027-01' }, hq), 201);
    expect((await request(`/franchise-statements/${draft.id}`, east)).status).toBe(404);
    expect((await request(`/franchise-statements/preview?franchiseeId=${eastId}&period=2027-01`, east)).status).toBe(403);
  });

  it('exports the statement as .xlsx and CSV whose totals are the statement’s, each counted', async () => {
    const before = await f.deps.db.$count(reportOutputs, and(eq(reportOutputs.chainId, f.chainId), eq(reportOutputs.report, 'franchise_statement')));
    const csv = await post(`/franchise-statements/${november.id}/export`, { format: 'csv', language: 'en' }, east);
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\r\n').map((line) => line.split(','));
    const fen = (text: string) => Math.round(Number(text) * 100);
    const lineRows = rows.slice(1, 1 + november.lines.length);
    expect(lineRows.reduce((sum, r) => sum + fen(r[7]!), 0)).toBe(november.netMinor);
    expect(rows.at(-1)).toEqual([november.netMinor >= 0 ? 'Net: the franchisee pays HQ' : 'Net: HQ pays the franchisee', '', '', '', '', '', '', (november.netMinor / 100).toFixed(2)]);

    const xlsx = await post(`/franchise-statements/${november.id}/export`, { format: 'xlsx', language: 'zh' }, east);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const amounts = Array.from({ length: november.lines.length }, (_, i) => sheet.getRow(i + 2).getCell(8).value as number);
    expect(amounts.every((v) => typeof v === 'number')).toBe(true);
    expect(Math.round(amounts.reduce((a, b) => a + b, 0) * 100)).toBe(november.netMinor);
    expect(sheet.getRow(sheet.rowCount).getCell(8).value).toBe(november.netMinor / 100);
    expect(sheet.getRow(3).getCell(5).value).toBeInstanceOf(Date);
    expect(await f.deps.db.$count(reportOutputs, and(eq(reportOutputs.chainId, f.chainId), eq(reportOutputs.report, 'franchise_statement')))).toBe(before + 2);
  });
});

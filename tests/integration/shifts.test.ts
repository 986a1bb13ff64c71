import { cashMovements, cashReasons, shiftCloses, shifts } from '@pos/hq-server/shifts/shifts.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { CashReason, CashReasonList, PullResponse, PushResponse, ShiftDetail, ShiftPage, type PairedDevice } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeCashMovement, makeShiftClose, makeShiftOpen } from '../support/shift-documents';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let otherTill: PairedDevice;
let hq: string;
let reasons: CashReason[];

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
  otherTill = await pairTill(f, 'S004');
  hq = await signInOffice(f, 'hq@demo.pos');
  reasons = CashReasonList.parse(await (await f.app.request('/settings/cash-reasons', bearer(hq))).json()).items;
});
afterAll(() => database.close());

const reason = (code: string) => reasons.find((r) => r.code === code)!;

async function push(documents: unknown[], device = till) {
  const res = await f.app.request('/sync/push', json({ documents }, device.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

const rowsOf = async (table: typeof shifts | typeof cashMovements | typeof shiftCloses, id: string) =>
  f.deps.db.select().from(table).where(and(eq(table.chainId, f.chainId), eq(table.id, id)));

describe('shift documents pushed by a till', () => {
  it('takes a shift opened, sold in, cashed out and closed exactly once, however often it is pushed', async () => {
    const open = makeShiftOpen(f, till, '0012', 50_000);
    const sale = { ...makeSale(f, till, '0012', { lines: 2 }), shiftId: open.id };
    const out = makeCashMovement(f, open, reason('PETTY').id, 'out', 1_500);
    const close = makeShiftClose(open, [sale], [out], 50_000 + sale.totalMinor - 1_500 - 100, new Date(f.deps.clock().getTime() + 60_000));
    const batch = [open, sale, out, close];
    expect((await push(batch)).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect((await push(batch)).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await rowsOf(shifts, open.id)).toHaveLength(1);
    expect(await rowsOf(cashMovements, out.id)).toHaveLength(1);
    const [closed] = await rowsOf(shiftCloses, close.id);
    expect(closed).toMatchObject({ shiftId: open.id, differenceMinor: -100, expectedCashMinor: 50_000 + sale.totalMinor - 1_500 });
    const [stored] = await f.deps.db.select({ shiftId: sales.shiftId }).from(sales).where(and(eq(sales.chainId, f.chainId), eq(sales.id, sale.id)));
    expect(stored?.shiftId).toBe(open.id);

    const page = ShiftPage.parse(await (await f.app.request(`/shifts?storeId=${till.store.id}&status=closed`, bearer(hq))).json());
    const listed = page.items.find((s) => s.id === open.id);
    expect(listed).toMatchObject({ status: 'closed', floatMinor: 50_000, cashInMinor: 0, cashOutMinor: 1_500, countedCashMinor: close.countedCashMinor, differenceMinor: -100, ticketCount: 1 });
    const detail = ShiftDetail.parse(await (await f.app.request(`/shifts/${open.id}`, bearer(hq))).json());
    expect(detail.movements).toEqual([expect.objectContaining({ id: out.id, direction: 'out', amountMinor: 1_500, reason: expect.objectContaining({ code: 'PETTY' }) })]);
    expect(detail.close?.totals.expectedCashMinor).toBe(close.expectedCashMinor);
  });

  it('shows a shift as open as soon as its opening arrives, with its cash in so far', async () => {
    const open = makeShiftOpen(f, till, '0013', 20_000);
    const topUp = makeCashMovement(f, { ...open, cashierId: f.clerkIds['0013']! }, reason('FLOAT').id, 'in', 5_000);
    expect((await push([open, topUp])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const page = ShiftPage.parse(await (await f.app.request(`/shifts?status=open&storeId=${till.store.id}`, bearer(hq))).json());
    expect(page.items.find((s) => s.id === open.id)).toMatchObject({ status: 'open', floatMinor: 20_000, cashInMinor: 5_000, expectedCashMinor: null, differenceMinor: null });
  });

  it('refuses a second close of a shift, an unknown or wrong-way reason, and an id another till holds', async () => {
    const open = makeShiftOpen(f, till, '0012');
    const later = new Date(f.deps.clock().getTime() + 120_000);
    const first = makeShiftClose(open, [], [], 50_000, later);
    const second = makeShiftClose(open, [], [], 49_000, later);
    const unknownReason = makeCashMovement(f, open, open.id, 'out', 100);
    const wrongWay = makeCashMovement(f, open, reason('DEPOSIT').id, 'in', 100);
    const results = await push([open, first, second, unknownReason, wrongWay]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(results[2]!.reason?.code).toBe('CONFLICT');
    expect(results[3]!.reason?.code).toBe('VALIDATION_FAILED');
    const stolen = { ...open, storeId: otherTill.store.id, deviceId: otherTill.device.id, cashierId: f.clerkIds['0042']! };
    const [foreign] = await push([stolen], otherTill);
    expect(foreign).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    expect(await rowsOf(shifts, open.id)).toEqual([expect.objectContaining({ storeId: till.store.id })]);
  });

  it('refuses a sale, a cash movement and a close that name a shift this till did not open, and stores none of them', async () => {
    const theirs = makeShiftOpen(f, otherTill, '0042');
    expect((await push([theirs], otherTill)).map((r) => r.status)).toEqual(['accepted']);
    const borrowed = { ...theirs, storeId: till.store.id, deviceId: till.device.id, cashierId: f.clerkIds['0012']! };
    const sale = { ...makeSale(f, till, '0012', { lines: 1 }), shiftId: theirs.id };
    const out = makeCashMovement(f, borrowed, reason('PETTY').id, 'out', 100);
    const close = makeShiftClose(borrowed, [], [out], 0, new Date(f.deps.clock().getTime() + 180_000));
    const results = await push([sale, out, close]);
    expect(results.map((r) => [r.status, r.reason?.code])).toEqual([['rejected', 'VALIDATION_FAILED'], ['rejected', 'VALIDATION_FAILED'], ['rejected', 'VALIDATION_FAILED']]);
    for (const result of results) expect(result.reason?.details).toEqual(expect.arrayContaining([`unknown shift ${theirs.id}`]));
    expect(await f.deps.db.select().from(sales).where(and(eq(sales.chainId, f.chainId), eq(sales.id, sale.id)))).toEqual([]);
    expect(await rowsOf(cashMovements, out.id)).toEqual([]);
    expect(await rowsOf(shiftCloses, close.id)).toEqual([]);
  });
});

describe('cash reasons', () => {
  it('are kept by HQ with an audit entry and pulled by tills, a retired one too so tills drop it', async () => {
    const made = await f.app.request('/settings/cash-reasons', json({ code: 'TIPS', nameZh: '小费', nameEn: 'Tips', direction: 'in', sortOrder: 50 }, hq));
    expect(made.status).toBe(201);
    const created = CashReason.parse(await made.json());
    const retired = await f.app.request(`/settings/cash-reasons/${created.id}`, { ...json({ code: 'TIPS', nameZh: '小费', nameEn: 'Tips', direction: 'in', sortOrder: 50, active: false }, hq), method: 'PUT' });
    expect(CashReason.parse(await retired.json()).active).toBe(false);
    const audits = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, created.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const pulled = PullResponse.parse(await (await f.app.request('/sync/pull?limit=5000', bearer(till.deviceToken))).json());
    const pulledReasons = pulled.changes.filter((c) => c.entity === 'cash_reason');
    expect(pulledReasons.length).toBeGreaterThanOrEqual(reasons.length);
    expect(pulledReasons.find((c) => c.data.id === created.id)?.data.active).toBe(false);
    const taken = await f.app.request('/settings/cash-reasons', json({ code: 'TIPS', nameZh: '小费', nameEn: 'Tips', direction: 'in', sortOrder: 50 }, hq));
    expect(taken.status).toBe(409);
  });

  it('are changed by HQ only', async () => {
    const east = await signInOffice(f, 'east@demo.pos');
    const res = await f.app.request('/settings/cash-reasons', json({ code: 'X1', nameZh: '某', nameEn: 'X', direction: 'in', sortOrder: 1 }, east));
    expect(res.status).toBe(403);
    expect(await f.deps.db.$count(cashReasons, and(eq(cashReasons.chainId, f.chainId), eq(cashReasons.code, 'X1')))).toBe(0);
  });
});

describe('scope of the office shift list', () => {
  it('shows a franchisee only their own stores’ shifts and answers 404 for another’s', async () => {
    const open = makeShiftOpen(f, otherTill, '0042');
    expect((await push([open], otherTill)).map((r) => r.status)).toEqual(['accepted']);
    const west = await signInOffice(f, 'west@demo.pos');
    const east = await signInOffice(f, 'east@demo.pos');
    const westPage = ShiftPage.parse(await (await f.app.request('/shifts?limit=100', bearer(west))).json());
    expect(westPage.items.some((s) => s.id === open.id || s.storeId === till.store.id)).toBe(false);
    expect((await f.app.request(`/shifts/${open.id}`, bearer(west))).status).toBe(404);
    const eastPage = ShiftPage.parse(await (await f.app.request('/shifts?limit=100', bearer(east))).json());
    expect(eastPage.items.map((s) => s.id)).toContain(open.id);
  });
});

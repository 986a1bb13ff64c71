import { randomUUID } from 'node:crypto';
import { tillEvents } from '@pos/hq-server/till-events/till-events.tables';
import { ApprovalList, PushResponse, TillEventList, type PairedDevice } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';
import { makeTillEvent } from '../support/till-events';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let secondTill: PairedDevice;
let eastTill: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
  secondTill = await pairTill(f, 'S001', 1);
  eastTill = await pairTill(f, 'S004');
});
afterAll(() => database.close());

async function push(from: PairedDevice, documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, from.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

const stored = (id: string) => f.deps.db.select().from(tillEvents).where(and(eq(tillEvents.chainId, f.chainId), eq(tillEvents.id, id)));
const day = () => f.deps.clock().toISOString().slice(0, 10);

describe('till events pushed to HQ', () => {
  it('takes a manager-approved drawer opening exactly once, answering the same till `duplicate`', async () => {
    const noSale = makeTillEvent(f, till, 'no_sale', '0012', '0011');
    expect((await push(till, [noSale])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push(till, [noSale, noSale])).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const rows = await stored(noSale.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: 'no_sale', storeId: till.store.id, deviceId: till.device.id, clerkId: f.clerkIds['0012'], businessDate: day(),
      approvalId: noSale.approval!.id, approvedBy: f.clerkIds['0011'], lineCount: null, receiptNo: null,
    });
  });

  it('keeps what a voided ticket held and which receipt a reprint printed, beside a sale in the same push', async () => {
    const voided = makeTillEvent(f, till, 'void_ticket', '0013');
    const reprint = makeTillEvent(f, till, 'reprint', '0012');
    const sale = makeSale(f, till, '0012', { lines: 1 });
    expect((await push(till, [voided, sale, reprint])).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect((await stored(voided.id))[0]).toMatchObject({ lineCount: 2, grossMinor: 1250, netMinor: 1100, currency: 'CNY', approvalId: null, approvedBy: null });
    expect((await stored(reprint.id))[0]).toMatchObject({ receiptNo: reprint.receiptNo, lineCount: null });
  });

  it("refuses another till's reuse of an event id as CONFLICT, and changes nothing", async () => {
    const event = makeTillEvent(f, till, 'reprint', '0012');
    expect((await push(till, [event])).map((r) => r.status)).toEqual(['accepted']);
    const [other] = await push(secondTill, [{ ...event, deviceId: secondTill.device.id }]);
    expect(other).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    expect((await stored(event.id))[0]!.deviceId).toBe(till.device.id);
  });

  it('refuses, per document, an unknown clerk, a clerk of another store and an unknown approver, with the reason', async () => {
    const good = makeTillEvent(f, till, 'no_sale', '0013', '0011');
    const unknownClerk = { ...makeTillEvent(f, till, 'reprint', '0012'), clerkId: randomUUID() };
    const otherStore = makeTillEvent(f, till, 'reprint', '0042');
    const approver = makeTillEvent(f, till, 'no_sale', '0012', '0011');
    const unknownApprover = { ...approver, approval: { ...approver.approval!, approvedBy: f.clerkIds['0041']! } };
    const results = await push(till, [good, unknownClerk, otherStore, unknownApprover]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
    expect(results[1]!.reason).toMatchObject({ code: 'VALIDATION_FAILED', details: [`unknown clerk ${unknownClerk.clerkId}`] });
    expect(results[2]!.reason).toMatchObject({ details: [`unknown clerk ${f.clerkIds['0042']}`] });
    expect(results[3]!.reason).toMatchObject({ details: [`unknown approver ${f.clerkIds['0041']}`] });
    for (const bad of [unknownClerk, otherStore, unknownApprover]) expect(await stored(bad.id)).toHaveLength(0);
  });

  it('refuses a malformed event with the schema’s words: an approver approving themselves', async () => {
    const event = makeTillEvent(f, till, 'no_sale', '0012', '0011');
    const [result] = await push(till, [{ ...event, approval: { ...event.approval!, approvedBy: f.clerkIds['0012'] } }]);
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION_FAILED', details: [{ path: 'approval.approvedBy', message: 'a clerk cannot approve their own request' }] } });
  });
});

describe('GET /till-events and the overrides listing', () => {
  it('lists the stores’ till events with who pressed and who approved, paged and filtered by kind', async () => {
    const east = makeTillEvent(f, eastTill, 'no_sale', '0043', '0041');
    expect((await push(eastTill, [east])).map((r) => r.status)).toEqual(['accepted']);
    const hq = await signInOffice(f, 'hq@demo.pos');
    const page = TillEventList.parse(await (await f.app.request(`/till-events?from=${day()}&to=${day()}&event=no_sale&limit=2`, bearer(hq))).json());
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const all = TillEventList.parse(await (await f.app.request(`/till-events?event=no_sale&limit=100`, bearer(hq))).json());
    expect(all.items.find((e) => e.id === east.id)).toMatchObject({
      storeCode: 'S004', deviceCode: eastTill.device.code, clerk: { code: '0043' }, approvedBy: { code: '0041' }, ticket: null, receiptNo: null,
    });
    const voided = TillEventList.parse(await (await f.app.request('/till-events?event=void_ticket', bearer(hq))).json());
    expect(voided.items).toEqual([expect.objectContaining({ storeCode: 'S001', approvedBy: null, ticket: { lineCount: 2, grossMinor: 1250, netMinor: 1100, currency: 'CNY' } })]);
    expect((await f.app.request('/till-events?event=open_safe', bearer(hq))).status).toBe(400);
  });

  it('shows a franchisee only their stores’ events, and 404 for another’s store', async () => {
    const east = await signInOffice(f, 'east@demo.pos');
    const theirs = TillEventList.parse(await (await f.app.request('/till-events?limit=100', bearer(east))).json());
    expect(theirs.total).toBe(1);
    expect(theirs.items.map((e) => e.storeCode)).toEqual(['S004']);
    expect((await f.app.request(`/till-events?storeId=${till.store.id}`, bearer(east))).status).toBe(404);
    const west = await signInOffice(f, 'west@demo.pos');
    expect(TillEventList.parse(await (await f.app.request('/till-events', bearer(west))).json())).toEqual({ items: [], total: 0 });
  });

  it('lists overrides given on till events beside those on sales, with the document kind', async () => {
    const sale = makeSale(f, till, '0012', { lines: 1 });
    sale.approvals = [{ id: randomUUID(), key: 'void_line', lineId: null, requestedBy: f.clerkIds['0012']!, approvedBy: f.clerkIds['0011']!, at: f.deps.clock().toISOString() }];
    expect((await push(till, [sale])).map((r) => r.status)).toEqual(['accepted']);
    const s001 = await signInOffice(f, 's001@demo.pos');
    const list = ApprovalList.parse(await (await f.app.request(`/sales/approvals?from=${day()}&to=${day()}&limit=100`, bearer(s001))).json());
    expect(list.total).toBe(3);
    expect(list.items.filter((a) => a.documentKind === 'sale')).toEqual([expect.objectContaining({ key: 'void_line', documentId: sale.id, receiptNo: sale.receiptNo })]);
    const onEvents = list.items.filter((a) => a.documentKind === 'till_event');
    expect(onEvents).toHaveLength(2);
    expect(onEvents.every((a) => a.key === 'no_sale' && a.receiptNo === null && a.approvedBy.code === '0011' && a.storeCode === 'S001')).toBe(true);
    const noSales = ApprovalList.parse(await (await f.app.request('/sales/approvals?key=no_sale&sort=receiptNo&order=asc', bearer(s001))).json());
    expect(noSales.total).toBe(2);
  });
});

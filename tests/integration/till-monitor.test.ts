import { randomUUID } from 'node:crypto';
import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { shiftCloses } from '@pos/hq-server/shifts/shifts.tables';
import { syncRejections, tillSyncStatus } from '@pos/hq-server/till-monitor/till-monitor.tables';
import { ErrorBody, PullResponse, ShiftDetail, PushResponse, SyncRejection, TILL_REPORT_HEADER, TillMonitor, TillSyncSettings, type PairedDevice, type TillReport } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeShiftClose, makeShiftOpen } from '../support/shift-documents';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let peopleSquare: PairedDevice;
let peopleSquareTwo: PairedDevice;
let jingan: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');
  peopleSquare = await pairTill(f, 'S001');
  peopleSquareTwo = await pairTill(f, 'S001', 1);
  jingan = await pairTill(f, 'S004');
});
afterAll(() => database.close());

const report = (over: Partial<TillReport> = {}): TillReport => ({
  waitingCount: 0, oldestWaitingAt: null, rejectedCount: 0, rejectedIds: [], appVersion: '1.4.0', cursor: 0, lastError: null, ...over,
});

const tillHeaders = (till: PairedDevice, r: TillReport | string | null) => ({
  authorization: `Bearer ${till.deviceToken}`,
  ...(r === null ? {} : { [TILL_REPORT_HEADER]: typeof r === 'string' ? r : JSON.stringify(r) }),
});

const pull = (till: PairedDevice, r: TillReport | string | null, cursor = 0, limit = 5000) =>
  f.app.request(`/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: tillHeaders(till, r) });

async function pullAll(till: PairedDevice, r: TillReport | null): Promise<PullResponse> {
  let cursor = 0;
  for (;;) {
    const res = await pull(till, r, cursor);
    expect(res.status).toBe(200);
    const page = PullResponse.parse(await res.json());
    if (!page.hasMore) return page;
    cursor = page.cursor;
  }
}

const push = (till: PairedDevice, documents: unknown[], r: TillReport | string | null) =>
  f.app.request('/sync/push', { method: 'POST', headers: { ...tillHeaders(till, r), 'content-type': 'application/json' }, body: JSON.stringify({ documents }) });

async function pushed(till: PairedDevice, documents: unknown[], r: TillReport | null = report()) {
  const res = await push(till, documents, r);
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

async function monitor(token: string, query = '') {
  const res = await f.app.request(`/till-monitor${query}`, bearer(token));
  expect(res.status).toBe(200);
  return TillMonitor.parse(await res.json());
}

const rowOf = async (till: PairedDevice, token = hq) => (await monitor(token)).tills.find((t) => t.deviceId === till.device.id);

/** A sale naming a product HQ does not know: HQ rejects it with its reason. */
function saleOfUnknownProduct(till: PairedDevice) {
  const sale = makeSale(f, till, '0012', { lines: 1 });
  return { ...sale, lines: sale.lines.map((l) => ({ ...l, productId: randomUUID() })) };
}

const statusRow = async (till: PairedDevice) =>
  (await f.deps.db.select().from(tillSyncStatus).where(and(eq(tillSyncStatus.chainId, f.chainId), eq(tillSyncStatus.deviceId, till.device.id))))[0];

describe('a till reports on every pull and push', () => {
  it('keeps the last contact and report, and says how far behind the catalog is from the cursor the pull handed out', async () => {
    const oldest = new Date(f.deps.clock().getTime() - 3_600_000).toISOString();
    const page = await pullAll(peopleSquare, report({ waitingCount: 50, oldestWaitingAt: oldest, appVersion: '1.2.0', lastError: { code: 'NETWORK', message: 'HQ could not be reached', at: oldest } }));
    const row = await rowOf(peopleSquare);
    expect(row).toMatchObject({
      deviceCode: peopleSquare.device.code, storeId: peopleSquare.store.id, lastPullAt: f.deps.clock().toISOString(), lastPushAt: null, silent: false, versionRefused: false,
      report: { waitingCount: 50, oldestWaitingAt: oldest, appVersion: '1.2.0', lastError: { code: 'NETWORK' } }, catalogBehind: 0, rejections: [],
    });
    expect(row!.report).not.toHaveProperty('rejectedIds');
    expect((await statusRow(peopleSquare))!.servedCursor).toBe(page.cursor);

    const product = f.catalog[0]!;
    await f.deps.db.update(products).set({ nameEn: `${product.nameEn} (new)` }).where(and(eq(products.chainId, f.chainId), eq(products.id, product.id)));
    expect((await rowOf(peopleSquare))!.catalogBehind).toBeGreaterThanOrEqual(1);
    await pullAll(peopleSquare, report({ cursor: page.cursor }));
    expect((await rowOf(peopleSquare))!.catalogBehind).toBe(0);
  });

  it('serves a till that sends no report, shown with no version; and refuses a malformed report with 400, writing nothing', async () => {
    expect((await pull(peopleSquareTwo, null)).status).toBe(200);
    expect(await rowOf(peopleSquareTwo)).toMatchObject({ report: null, reportAt: null, lastPullAt: f.deps.clock().toISOString() });

    const before = await statusRow(jingan);
    for (const bad of ['{not json', JSON.stringify({ ...report(), waitingCount: -1 }), JSON.stringify({ ...report(), appVersion: 'latest' }), JSON.stringify({ ...report(), extra: 1 })]) {
      const res = await pull(jingan, bad);
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
      const pushRes = await push(jingan, [makeSale(f, jingan, '0041', { lines: 1 })], bad);
      expect(pushRes.status).toBe(400);
    }
    expect(await statusRow(jingan)).toEqual(before);
  });
});

describe('documents HQ rejects', () => {
  it('are kept with their reason; resend tells the till in its next pull until it no longer lists them, and clears once HQ takes the document', async () => {
    const future = makeSale(f, peopleSquare, '0012', { lines: 1, at: new Date(f.deps.clock().getTime() + 2 * 86_400_000) });
    const [result] = await pushed(peopleSquare, [future]);
    expect(result).toMatchObject({ status: 'rejected' });
    const [rejection] = (await rowOf(peopleSquare))!.rejections;
    expect(rejection).toMatchObject({ documentId: future.id, kind: 'sale', code: 'VALIDATION_FAILED', message: 'the document is dated outside what HQ takes', status: 'open', times: 1 });

    const resend = await f.app.request(`/till-monitor/rejections/${rejection!.id}/resend`, { method: 'POST', ...bearer(hq) });
    expect(resend.status).toBe(200);
    expect(SyncRejection.parse(await resend.json()).status).toBe('resend');
    const listing = report({ rejectedCount: 1, rejectedIds: [future.id] });
    expect((await pullAll(peopleSquare, listing)).outbox).toEqual([{ documentId: future.id, action: 'resend', note: null }]);
    expect((await pullAll(peopleSquare, listing)).outbox).toHaveLength(1);
    expect((await pullAll(peopleSquare, report())).outbox).toBeUndefined();

    f.clock.advance(2 * 86_400_000);
    [hq, east] = [await signInOffice(f, 'hq@demo.pos'), await signInOffice(f, 'east@demo.pos')];
    expect((await pushed(peopleSquare, [future])).map((r) => r.status)).toEqual(['accepted']);
    expect((await rowOf(peopleSquare))!.rejections).toEqual([]);
    const [kept] = await f.deps.db.select().from(syncRejections).where(eq(syncRejections.id, rejection!.id));
    expect(kept).toMatchObject({ status: 'resent' });
    const audit = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, rejection!.id)));
    expect(audit.map((a) => [a.entity, a.action, a.storeId])).toEqual([['sync_rejection', 'resend', peopleSquare.store.id]]);
  });

  it('accept correction settles it with the note, tells the till to drop it, and a second action is a conflict', async () => {
    const bad = saleOfUnknownProduct(peopleSquare);
    await pushed(peopleSquare, [bad]);
    const again = await pushed(peopleSquare, [bad]);
    expect(again[0]).toMatchObject({ status: 'rejected' });
    const rejection = (await rowOf(peopleSquare))!.rejections.find((r) => r.documentId === bad.id)!;
    expect(rejection).toMatchObject({ times: 2, code: 'VALIDATION_FAILED', status: 'open' });

    const empty = await f.app.request(`/till-monitor/rejections/${rejection.id}/accept`, json({ note: '  ' }, hq));
    expect(empty.status).toBe(400);
    const accept = await f.app.request(`/till-monitor/rejections/${rejection.id}/accept`, json({ note: 'stock corrected by hand' }, hq));
    expect(accept.status).toBe(200);
    expect(SyncRejection.parse(await accept.json())).toMatchObject({ status: 'settled', note: 'stock corrected by hand' });
    expect((await rowOf(peopleSquare))!.rejections.find((r) => r.id === rejection.id)).toBeUndefined();
    expect((await pullAll(peopleSquare, report({ rejectedCount: 1, rejectedIds: [bad.id] }))).outbox).toEqual([{ documentId: bad.id, action: 'settle', note: 'stock corrected by hand' }]);

    const twice = await f.app.request(`/till-monitor/rejections/${rejection.id}/resend`, { method: 'POST', ...bearer(hq) });
    expect(twice.status).toBe(409);
    const unknown = await f.app.request(`/till-monitor/rejections/${randomUUID()}/resend`, { method: 'POST', ...bearer(hq) });
    expect(unknown.status).toBe(404);
  });

  it('a franchisee sees only the tills of their own stores and cannot act on another store’s rejection', async () => {
    const bad = saleOfUnknownProduct(jingan);
    const sale = { ...bad, cashierId: f.clerkIds['0041']! };
    await pushed(jingan, [sale]);
    const seen = await monitor(east);
    expect(seen.tills.length).toBeGreaterThan(0);
    expect(new Set(seen.tills.map((t) => t.storeId))).toEqual(new Set([f.storeIds.S004, f.storeIds.S005].filter((id) => seen.tills.some((t) => t.storeId === id))));
    expect(seen.tills.every((t) => t.storeId === f.storeIds.S004 || t.storeId === f.storeIds.S005)).toBe(true);
    expect(seen.tills.find((t) => t.deviceId === jingan.device.id)!.rejections).toHaveLength(1);
    expect((await f.app.request(`/till-monitor?storeId=${f.storeIds.S001}`, bearer(east))).status).toBe(404);

    const open = (await rowOf(peopleSquare))!.rejections;
    const other = await f.app.request(`/till-monitor/rejections/${open[0]?.id ?? randomUUID()}/resend`, { method: 'POST', ...bearer(east) });
    expect(other.status).toBe(404);
  });
});

describe('till sync settings', () => {
  it('refuse a till below the minimum version with 426 on pull and push, keeping its contact, and mark it silent after the chain’s time', async () => {
    expect((await f.app.request('/settings/till-sync', { ...json({ silentAfterMinutes: 30, minAppVersion: '1.1.0' }, east), method: 'PUT' })).status).toBe(403);
    expect((await f.app.request('/settings/till-sync', { ...json({ silentAfterMinutes: 2, minAppVersion: '1.1.0' }, hq), method: 'PUT' })).status).toBe(400);
    const saved = await f.app.request('/settings/till-sync', { ...json({ silentAfterMinutes: 30, minAppVersion: '1.1.0' }, hq), method: 'PUT' });
    expect(saved.status).toBe(200);
    expect(TillSyncSettings.parse(await (await f.app.request('/settings/till-sync', bearer(hq))).json())).toEqual({ silentAfterMinutes: 30, minAppVersion: '1.1.0' });

    const old = report({ appVersion: '1.0.9' });
    const refusedPull = await pull(jingan, old);
    expect(refusedPull.status).toBe(426);
    expect(ErrorBody.parse(await refusedPull.json()).error.code).toBe('TILL_VERSION_REFUSED');
    const sale = makeSale(f, jingan, '0041', { lines: 1 });
    expect((await push(jingan, [sale], old)).status).toBe(426);
    expect(await rowOf(jingan)).toMatchObject({ versionRefused: true, report: { appVersion: '1.0.9' }, lastPushAt: f.deps.clock().toISOString() });
    expect((await pull(jingan, report({ appVersion: '1.1.0' }))).status).toBe(200);
    expect((await pull(jingan, null)).status).toBe(200);

    expect((await rowOf(jingan))!.silent).toBe(false);
    f.clock.advance(31 * 60_000);
    const later = await monitor(hq);
    expect(later.settings.silentAfterMinutes).toBe(30);
    expect(later.tills.find((t) => t.deviceId === jingan.device.id)!.silent).toBe(true);
    await pull(jingan, report({ appVersion: '1.1.0' }));
    expect((await rowOf(jingan))!.silent).toBe(false);
    const audit = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entity, 'till_sync_settings')));
    expect(audit).toHaveLength(1);
  });
});

describe('a shift closed with documents waiting', () => {
  it('keeps how many were waiting, and takes a close from an older till without the count', async () => {
    const open = makeShiftOpen(f, peopleSquareTwo, '0012');
    const close = { ...makeShiftClose(open, [], [], open.floatMinor, f.deps.clock()), documentsWaiting: 7 };
    expect((await pushed(peopleSquareTwo, [open, close])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const [row] = await f.deps.db.select().from(shiftCloses).where(and(eq(shiftCloses.chainId, f.chainId), eq(shiftCloses.id, close.id)));
    expect(row!.documentsWaiting).toBe(7);
    const detail = await f.app.request(`/shifts/${open.id}`, bearer(hq));
    expect(detail.status).toBe(200);
    expect(ShiftDetail.parse(await detail.json()).shift.documentsWaiting).toBe(7);

    const openOld = makeShiftOpen(f, peopleSquareTwo, '0013');
    const closeOld = makeShiftClose(openOld, [], [], openOld.floatMinor, f.deps.clock());
    expect((await pushed(peopleSquareTwo, [openOld, closeOld])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const [oldRow] = await f.deps.db.select().from(shiftCloses).where(and(eq(shiftCloses.chainId, f.chainId), eq(shiftCloses.id, closeOld.id)));
    expect(oldRow!.documentsWaiting).toBeNull();
  });
});

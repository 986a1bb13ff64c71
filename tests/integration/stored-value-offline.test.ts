import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { memberMessages } from '@pos/hq-server/member-messages/member-messages.tables';
import { members } from '@pos/hq-server/pricing/pricing.tables';
import { storedValueReceivables } from '@pos/hq-server/stored-value/stored-value.tables';
import { PushResponse, StoredValueReceivableList, TopUpResult, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { account, addMember, errorOf, freshCardNo, paymentId, setCard, spend, topUp } from '../support/stored-value';
import { changedTables, takeSnapshot } from '../support/table-snapshot';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let eastTill: PairedDevice;
let hq: string;
let east: string;
const clock = testClock('2026-11-22T03:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock, 300, '2026-11-22T02:00:00Z'));
  [till, eastTill] = await Promise.all([pairTill(f, 'S001'), pairTill(f, 'S004')]);
  [hq, east] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'east@demo.pos')]);
});
afterAll(() => database.close());

/** A sale of `device` paid wholly with stored value the till took offline from `cardNo`. */
function offlineSale(device: PairedDevice, cardNo: string): Sale {
  const sale = makeSale(f, device, device.store.id === till.store.id ? '0011' : '0042', { lines: 1 });
  sale.payments = [{ id: paymentId(), tender: 'stored_value', amountMinor: sale.totalMinor, tenderedMinor: null, reference: null, offlineCardNo: cardNo }] as Sale['payments'];
  sale.changeMinor = 0 as Sale['changeMinor'];
  return sale;
}

async function push(device: PairedDevice, sales: Sale[]) {
  const res = await f.app.request('/sync/push', json({ documents: sales }, device.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results.map((r) => r.status);
}

const entriesOf = (accountId: string) => f.deps.db.select().from(storedValueEntries).where(and(eq(storedValueEntries.chainId, f.chainId), eq(storedValueEntries.accountId, accountId)));
const receivablesOf = (accountId: string) => f.deps.db.select().from(storedValueReceivables).where(and(eq(storedValueReceivables.chainId, f.chainId), eq(storedValueReceivables.accountId, accountId)));
/** The stored-value differences kept beside these sales (a random basket may differ in price too). */
const discrepanciesOf = async (saleIds: string[]) => (await f.deps.db.select({ detail: pricingDiscrepancies.detail }).from(pricingDiscrepancies).where(inArray(pricingDiscrepancies.saleId, saleIds)))
  .filter((d) => String((d.detail as { problem?: unknown }).problem).startsWith('STORED_VALUE'));

async function fundedMember(minor: number) {
  const member = await addMember(f);
  expect((await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: minor })).status).toBe(200);
  return member;
}

describe('offline stored-value payments at ingest', () => {
  it('debits payments the balance covers as offline spend entries of the till, once however often the sales are pushed', async () => {
    const sales = [offlineSale(till, ''), offlineSale(till, '')];
    const member = await fundedMember(sales[0]!.totalMinor + sales[1]!.totalMinor + 1_000);
    for (const sale of sales) sale.payments[0]!.offlineCardNo = member.cardNo as Sale['payments'][number]['offlineCardNo'];
    expect(await push(till, sales)).toEqual(['accepted', 'accepted']);
    const spends = (await entriesOf(member.id)).filter((e) => e.kind === 'spend');
    expect(spends.map((e) => [e.paymentId, e.amountMinor, e.offline, e.storeId, e.deviceId, e.actorId, e.documentId]).sort()).toEqual(sales.map((s) => [
      s.payments[0]!.id, -s.totalMinor, true, till.store.id, till.device.id, s.cashierId, s.id,
    ]).sort());
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 1_000, receivableMinor: 0 });
    expect(await discrepanciesOf(sales.map((s) => s.id))).toEqual([]);

    const before = await takeSnapshot(database.db);
    expect(await push(till, sales)).toEqual(['duplicate', 'duplicate']);
    expect(changedTables(before, await takeSnapshot(database.db))).toEqual([]);
  });

  it('takes the balance to zero, records the shortfall as a receivable with the sale and blocks the card, once', async () => {
    const sale = offlineSale(till, '');
    const funded = Math.floor(sale.totalMinor / 3);
    const member = await fundedMember(funded);
    sale.payments[0]!.offlineCardNo = member.cardNo as Sale['payments'][number]['offlineCardNo'];
    expect(await push(till, [sale])).toEqual(['accepted']);
    const shortfall = sale.totalMinor - funded;
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 0, bonusMinor: 0, receivableMinor: shortfall });
    expect((await entriesOf(member.id)).filter((e) => e.kind === 'spend').map((e) => e.amountMinor)).toEqual([-funded]);
    expect(await receivablesOf(member.id)).toEqual([expect.objectContaining({
      saleId: sale.id, paymentId: sale.payments[0]!.id, amountMinor: shortfall, settledMinor: 0, storeId: till.store.id, settledAt: null, settledByEntry: null,
    })]);
    expect(await discrepanciesOf([sale.id])).toEqual([]);

    const online = await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 1 });
    expect([online.status, (await errorOf(online)).code]).toEqual([409, 'ACCOUNT_BLOCKED']);

    const before = await takeSnapshot(database.db);
    expect(await push(till, [sale])).toEqual(['duplicate']);
    expect(changedTables(before, await takeSnapshot(database.db))).toEqual([]);
  });

  it('owes the whole payment when the account is empty, and settles against a card reported lost since', async () => {
    const member = await addMember(f);
    await setCard(f, member.cardNo, { status: 'lost' });
    const sale = offlineSale(till, member.cardNo);
    expect(await push(till, [sale])).toEqual(['accepted']);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 0, receivableMinor: sale.totalMinor });
    expect((await entriesOf(member.id)).filter((e) => e.kind === 'spend')).toEqual([]);
    expect((await receivablesOf(member.id)).map((r) => r.amountMinor)).toEqual([sale.totalMinor]);
  });

  it('sends the member who consented the spend notice an online spend sends, once, and nobody else', async () => {
    const [told, silent] = [offlineSale(till, ''), offlineSale(till, '')];
    const consenting = await fundedMember(told.totalMinor + 2_000);
    const declining = await fundedMember(silent.totalMinor + 2_000);
    await f.deps.db.update(members).set({ phone: '13800138123', consentToMessages: true }).where(and(eq(members.chainId, f.chainId), eq(members.id, consenting.id)));
    await f.deps.db.update(members).set({ phone: '13800138124', consentToMessages: false }).where(and(eq(members.chainId, f.chainId), eq(members.id, declining.id)));
    told.payments[0]!.offlineCardNo = consenting.cardNo as Sale['payments'][number]['offlineCardNo'];
    silent.payments[0]!.offlineCardNo = declining.cardNo as Sale['payments'][number]['offlineCardNo'];
    expect(await push(till, [told, silent])).toEqual(['accepted', 'accepted']);
    expect(await push(till, [told])).toEqual(['duplicate']);
    const spendNotices = (memberId: string) => f.deps.db.select().from(memberMessages)
      .where(and(eq(memberMessages.chainId, f.chainId), eq(memberMessages.memberId, memberId), eq(memberMessages.kind, 'spend')));
    const [notice, ...more] = await spendNotices(consenting.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ dedupeKey: `spend:${told.payments[0]!.id}`, phone: '13800138123', status: 'pending' });
    expect(notice!.text).toContain('当前余额¥20.00');
    expect(await spendNotices(declining.id)).toEqual([]);
  });

  it('keeps a sale paid offline with a card HQ does not know, and records the difference beside it', async () => {
    const sale = offlineSale(till, freshCardNo());
    expect(await push(till, [sale])).toEqual(['accepted']);
    expect(await discrepanciesOf([sale.id])).toEqual([{
      detail: { problem: 'STORED_VALUE_OFFLINE_UNKNOWN_CARD', paymentId: sale.payments[0]!.id, tillAmountMinor: sale.totalMinor, ledgerAmountMinor: 0 },
    }]);
  });
});

describe('settling receivables', () => {
  it('pays the receivable off from top-ups first, oldest first, and unblocks the card once nothing is owed', async () => {
    const member = await addMember(f);
    const sales = [offlineSale(till, member.cardNo), offlineSale(eastTill, member.cardNo)];
    expect(await push(till, [sales[0]!])).toEqual(['accepted']);
    clock.advance(1_000);
    expect(await push(eastTill, [sales[1]!])).toEqual(['accepted']);
    const owed = sales[0]!.totalMinor + sales[1]!.totalMinor;
    expect((await account(f, member.id)).receivableMinor).toBe(owed);

    const part = sales[0]!.totalMinor + 1;
    const first = await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: part });
    expect(first.status).toBe(200);
    expect(TopUpResult.parse(await first.json()).slip.balanceAfterMinor).toBe(0);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 0, receivableMinor: owed - part });
    const rows = await receivablesOf(member.id);
    const settledFirst = rows.find((r) => r.saleId === sales[0]!.id)!;
    expect(settledFirst).toMatchObject({ settledMinor: sales[0]!.totalMinor, settledAt: clock() });
    expect(rows.find((r) => r.saleId === sales[1]!.id)).toMatchObject({ settledMinor: 1, settledAt: null });
    const blocked = await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 1 });
    expect((await errorOf(blocked)).code).toBe('ACCOUNT_BLOCKED');

    // Under the demo rule's ¥500, so no bonus comes with it.
    const second = await topUp(f, hq, { cardNo: member.cardNo, amountMinor: 40_000 });
    expect(second.status).toBe(200);
    const left = 40_000 - (owed - part);
    expect(TopUpResult.parse(await second.json()).slip.balanceAfterMinor).toBe(left);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: left, receivableMinor: 0 });
    expect((await receivablesOf(member.id)).every((r) => r.settledAt !== null && r.settledMinor === r.amountMinor)).toBe(true);
    const settlements = (await entriesOf(member.id)).filter((e) => e.kind === 'receivable_settlement');
    expect(settlements.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([-(owed - part), -part].sort((a, b) => a - b));
    expect(settlements.every((e) => e.bonusMinor === 0)).toBe(true);
    expect(settledFirst.settledByEntry).toBe(settlements.find((e) => e.amountMinor === -part)!.id);

    expect((await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 1 })).status).toBe(200);
  });
});

describe('the office’s receivables list', () => {
  it('lists open receivables, HQ all of them and a franchisee only its stores’, and settled ones apart', async () => {
    const member = await addMember(f);
    const ours = offlineSale(till, member.cardNo);
    const theirs = offlineSale(eastTill, member.cardNo);
    expect(await push(till, [ours])).toEqual(['accepted']);
    expect(await push(eastTill, [theirs])).toEqual(['accepted']);
    const list = async (token: string, query = '') => {
      const res = await f.app.request(`/stored-value/receivables${query}`, bearer(token));
      expect(res.status).toBe(200);
      return StoredValueReceivableList.parse(await res.json());
    };
    const all = await list(hq, '?limit=100');
    const mine = all.items.filter((r) => r.memberId === member.id);
    expect(mine.map((r) => [r.receiptNo, r.amountMinor, r.storeCode]).sort()).toEqual([[ours.receiptNo, ours.totalMinor, 'S001'], [theirs.receiptNo, theirs.totalMinor, 'S004']].sort());
    expect(mine[0]!.cardNoMasked).not.toContain(member.cardNo);
    const eastList = await list(east, '?limit=100');
    expect(eastList.items.every((r) => r.storeCode !== 'S001')).toBe(true);
    expect(eastList.items.some((r) => r.saleId === theirs.id)).toBe(true);
    expect((await list(hq, '?status=settled&limit=100')).items.every((r) => r.settledAt !== null)).toBe(true);
    expect((await f.app.request('/stored-value/receivables?status=paid', bearer(hq))).status).toBe(400);
  });
});

describe('offline settlement beside online spends', () => {
  it('never overdraws an account that tills settle offline payments on while others spend online, and every payment is spent or owed', async () => {
    const tills = [till, eastTill, await pairTill(f, 'S001', 1), await pairTill(f, 'S004', 1)];
    const member = await fundedMember(30_000);
    const batches = tills.map((device) => [offlineSale(device, member.cardNo), offlineSale(device, member.cardNo), offlineSale(device, member.cardNo)]);
    const results = await Promise.all([
      ...tills.map((device, i) => push(device, batches[i]!)),
      ...tills.flatMap((device) => [1, 2, 3].map(async () => (await spend(f, device.deviceToken, { cardNo: member.cardNo, amountMinor: 2_000 })).status)),
    ]);
    const offline = batches.flat();
    expect(results.slice(0, tills.length).flat().every((s) => s === 'accepted')).toBe(true);
    const onlineOk = results.slice(tills.length).filter((s) => s === 200).length;
    const entries = await entriesOf(member.id);
    const spentOffline = new Map(entries.filter((e) => e.kind === 'spend' && e.offline).map((e) => [e.paymentId, -e.amountMinor]));
    const owed = new Map((await receivablesOf(member.id)).map((r) => [r.paymentId, r.amountMinor]));
    for (const sale of offline) {
      const p = sale.payments[0]!;
      expect((spentOffline.get(p.id) ?? 0) + (owed.get(p.id) ?? 0)).toBe(p.amountMinor);
    }
    const after = await account(f, member.id);
    expect(after.balanceMinor).toBeGreaterThanOrEqual(0);
    expect(after.balanceMinor).toBe(30_000 - onlineOk * 2_000 - [...spentOffline.values()].reduce((a, b) => a + b, 0));
    expect(after.receivableMinor).toBe([...owed.values()].reduce((a, b) => a + b, 0));
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('leaves every account equal to its ledger and its receivables', async () => {
    const report = await verifyLedgers(database.db);
    expect(report.ledgers.flatMap((l) => l.differences)).toEqual([]);
  });
});

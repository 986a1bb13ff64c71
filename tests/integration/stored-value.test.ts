import { auditEntries } from '@pos/hq-server/audit/audit.tables';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { memberAccounts, storedValueEntries } from '@pos/hq-server/members/membership.tables';
import { stores } from '@pos/hq-server/org/org.tables';
import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { returnDifferences } from '@pos/hq-server/returns/returns.tables';
import {
  CardBalance, MembershipSettings, MemberStoredValue, PushResponse, ReturnList, StoredValueAdjustment, StoredValueAdjustmentList, StoredValueMovement, TopUpResult, TopUpRule, TopUpRuleList, TopUpSlipDocument, maskCardNo, withCheckDigit, type PairedDevice, type Return, type Sale,
} from '@pos/shared';
import { demoCardNo } from '@pos/hq-server/seed/demo-members';
import { demoPendingAdjustment } from '@pos/hq-server/seed/demo-stored-value';
import { storedValueRefunds } from '@pos/hq-server/stored-value/stored-value.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import { account, addMember, errorOf, paymentId, setCard, setCardPin, spend, topUp } from '../support/stored-value';
import { changedTables, takeSnapshot } from '../support/table-snapshot';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let eastTill: PairedDevice;
let hq: string;
let finance: string;
let east: string;
/** 23:00 in Shanghai, so a child card's next business day is an hour away and office sessions outlive the file. */
const clock = testClock('2026-11-22T15:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock, 300, '2026-11-22T04:00:00Z'));
  [till, eastTill] = await Promise.all([pairTill(f, 'S001'), pairTill(f, 'S004')]);
  [hq, finance, east] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'finance@demo.pos'), signInOffice(f, 'east@demo.pos')]);
});
afterAll(() => database.close());

const entriesOf = (accountId: string) => f.deps.db.select().from(storedValueEntries).where(and(eq(storedValueEntries.chainId, f.chainId), eq(storedValueEntries.accountId, accountId)));

/** A member topped up with `minor` at S001 (no rule reaches under ¥500). */
async function fundedMember(minor: number) {
  const member = await addMember(f);
  expect((await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: minor })).status).toBe(200);
  return member;
}

describe('top-ups', () => {
  it('credits the amount and the demo rule’s bonus, answers what the top-up slip prints, and answers a retry with the first top-up', async () => {
    const member = await addMember(f);
    const body = { paymentId: paymentId(), cardNo: member.cardNo, amountMinor: 50_000, tender: 'bank_card', reference: 'REF881' };
    const res = await f.app.request('/stored-value/top-ups', json(body, till.deviceToken));
    expect(res.status).toBe(200);
    const result = TopUpResult.parse(await res.json());
    expect(result.rule?.name).toBe('充500送50 / Top up 500, get 50');
    expect(result.slip).toMatchObject({ id: body.paymentId, cardNoMasked: maskCardNo(member.cardNo), tender: 'bank_card', amountMinor: 50_000, bonusMinor: 5_000, balanceAfterMinor: 55_000 });
    expect(TopUpSlipDocument.safeParse({ kind: 'top_up_slip', store: { name: 'S001', address: null, phone: null }, cashierName: '收银员', ...result.slip }).success).toBe(true);
    const again = await f.app.request('/stored-value/top-ups', json(body, till.deviceToken));
    expect(TopUpResult.parse(await again.json())).toEqual(result);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 55_000, bonusMinor: 5_000 });
    expect((await entriesOf(member.id)).map((e) => [e.kind, e.amountMinor, e.bonusMinor, e.storeId])).toEqual([['top_up', 50_000, 0, till.store.id], ['top_up_bonus', 5_000, 5_000, till.store.id]]);
    const changed = await f.app.request('/stored-value/top-ups', json({ ...body, amountMinor: 60_000 }, till.deviceToken));
    expect(changed.status).toBe(409);
    expect((await entriesOf(member.id)).length).toBe(2);
  });

  it('gives the largest bonus among the rules the amount reaches on the store’s day, and none under every minimum', async () => {
    const rule = (body: object) => f.app.request('/stored-value/top-up-rules', json({ startsOn: null, endsOn: null, ...body }, hq));
    expect((await rule({ name: '充1000送150', minTopUpMinor: 100_000, bonusMinor: 15_000, startsOn: '2026-11-01', endsOn: '2026-11-30' })).status).toBe(201);
    expect((await rule({ name: 'Ended', minTopUpMinor: 100_000, bonusMinor: 30_000, startsOn: '2026-10-01', endsOn: '2026-11-21' })).status).toBe(201);
    const future = TopUpRule.parse(await (await rule({ name: 'Next month', minTopUpMinor: 100_000, bonusMinor: 40_000, startsOn: '2026-12-01' })).json());
    const member = await addMember(f);
    const big = TopUpResult.parse(await (await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 120_000 })).json());
    expect([big.rule?.name, big.slip.bonusMinor]).toEqual(['充1000送150', 15_000]);
    const small = TopUpResult.parse(await (await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 49_999 })).json());
    expect([small.rule, small.slip.bonusMinor, small.bonusEntryId]).toEqual([null, 0, null]);
    const stopped = await f.app.request(`/stored-value/top-up-rules/${future.id}`, { ...json({ ...future, active: false, id: undefined, updatedAt: undefined }, hq), method: 'PUT' });
    expect(TopUpRule.parse(await stopped.json()).active).toBe(false);
    const audited = await f.deps.db.select().from(auditEntries).where(and(eq(auditEntries.chainId, f.chainId), eq(auditEntries.entityId, future.id)));
    expect(audited.map((a) => a.action)).toEqual(['create', 'update']);
    expect((await f.app.request('/stored-value/top-up-rules', json({ name: 'x', minTopUpMinor: 1, bonusMinor: 1 }, east))).status).toBe(403);
    const listed = await (await f.app.request('/stored-value/top-up-rules', bearer(east))).json();
    expect(TopUpRuleList.parse(listed).items.map((r) => r.name)).toEqual(['充500送50 / Top up 500, get 50', 'Ended', '充1000送150', 'Next month']);
  });

  it('lets HQ top up from the office, audited, and refuses franchisees', async () => {
    const member = await addMember(f);
    const res = await topUp(f, hq, { cardNo: member.cardNo, amountMinor: 10_000 });
    expect(res.status).toBe(200);
    const { slip } = TopUpResult.parse(await res.json());
    const [entry] = await entriesOf(member.id);
    expect(entry).toMatchObject({ kind: 'top_up', storeId: null, deviceId: null, actorId: expect.any(String) });
    expect((await f.deps.db.select().from(auditEntries).where(eq(auditEntries.entityId, slip.id))).map((a) => a.entity)).toEqual(['stored_value_top_up']);
    expect((await topUp(f, east, { cardNo: member.cardNo, amountMinor: 10_000 })).status).toBe(403);
  });
});

describe('spending', () => {
  it('debits once per payment id, answers a retry with the first entry and refuses the id for other figures', async () => {
    const member = await fundedMember(20_000);
    const body = { paymentId: paymentId(), saleId: paymentId(), cardNo: member.cardNo, amountMinor: 7_550 };
    const first = StoredValueMovement.parse(await (await f.app.request('/stored-value/spends', json(body, till.deviceToken))).json());
    expect(first).toMatchObject({ kind: 'spend', amountMinor: -7_550, balanceAfterMinor: 12_450, cardNo: member.cardNo });
    const retry = await f.app.request('/stored-value/spends', json(body, till.deviceToken));
    expect([retry.status, StoredValueMovement.parse(await retry.json())]).toEqual([200, first]);
    expect((await f.app.request('/stored-value/spends', json({ ...body, amountMinor: 100 }, till.deviceToken))).status).toBe(409);
    const [row] = (await entriesOf(member.id)).filter((e) => e.kind === 'spend');
    expect(row).toMatchObject({ storeId: till.store.id, franchiseeId: null, deviceId: till.device.id, paymentId: body.paymentId, documentId: body.saleId });
    expect((await account(f, member.id)).balanceMinor).toBe(12_450);
  });

  it('refuses more than the balance, saying what the card can pay, and writes nothing', async () => {
    const member = await fundedMember(5_000);
    const res = await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 5_001 });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'INSUFFICIENT_BALANCE', details: { availableMinor: 5_000 } });
    expect((await entriesOf(member.id)).length).toBe(1);
    expect((await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 5_000 })).status).toBe(200);
    expect((await account(f, member.id)).balanceMinor).toBe(0);
  });

  it('names lost, replaced, cancelled and unactivated cards and blocked accounts apart, and 404s an unknown card', async () => {
    const member = await fundedMember(5_000);
    for (const [status, code] of [['lost', 'CARD_LOST'], ['replaced', 'CARD_REPLACED'], ['cancelled', 'CARD_CANCELLED'], ['issued', 'CARD_NOT_ACTIVE']] as const) {
      await setCard(f, member.cardNo, { status });
      const res = await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 100 });
      // A lost card is 423 everywhere (the look-up too); the others are conflicts with the card's state.
      expect([res.status, (await errorOf(res)).code]).toEqual([status === 'lost' ? 423 : 409, code]);
    }
    await setCard(f, member.cardNo, { status: 'active' });
    await f.deps.db.update(memberAccounts).set({ receivableMinor: 300 }).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, member.id)));
    expect((await errorOf(await spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 100 }))).code).toBe('ACCOUNT_BLOCKED');
    // A top-up is taken and pays a receivable off (stored-value-offline.test.ts); this one was made by hand, so it is lifted by hand.
    await f.deps.db.update(memberAccounts).set({ receivableMinor: 0 }).where(and(eq(memberAccounts.chainId, f.chainId), eq(memberAccounts.id, member.id)));
    expect((await spend(f, till.deviceToken, { cardNo: withCheckDigit('600000000'), amountMinor: 100 })).status).toBe(404);
  });

  it('asks for the PIN, counts wrong ones, locks the card for the chain’s time and refuses even the right PIN meanwhile', async () => {
    const settings = { ...MembershipSettings.parse(await (await f.app.request('/settings/membership', bearer(hq))).json()), pinMaxTries: 3, pinLockMinutes: 10 };
    expect((await f.app.request('/settings/membership', { ...json(settings, hq), method: 'PUT' })).status).toBe(200);
    const member = await fundedMember(5_000);
    await setCardPin(f, member.cardNo, '2468');
    const pay = (pin?: string) => spend(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 100, ...(pin ? { pin } : {}) });
    expect((await errorOf(await pay())).code).toBe('CARD_PIN_REQUIRED');
    expect(await errorOf(await pay('1111'))).toMatchObject({ code: 'CARD_PIN_WRONG', details: { triesLeft: 2 } });
    expect((await pay('2468')).status).toBe(200);
    expect((await errorOf(await pay('1111'))).details).toEqual({ triesLeft: 2 });
    expect((await pay('1112')).status).toBe(422);
    const locking = await pay('1113');
    expect([locking.status, (await errorOf(locking)).code]).toEqual([423, 'CARD_PIN_LOCKED']);
    expect((await pay('2468')).status).toBe(423);
    clock.advance(10 * 60_000 + 1_000);
    expect((await pay('2468')).status).toBe(200);
    expect((await account(f, member.id)).balanceMinor).toBe(4_800);
    expect((await f.app.request('/settings/membership', { ...json({ ...settings, pinMaxTries: 5, pinLockMinutes: 30 }, hq), method: 'PUT' })).status).toBe(200);
  });

  it('debits a child card from its parent’s account within the limits per payment and per business day', async () => {
    const parent = await fundedMember(40_000);
    const child = await addMember(f, undefined, { id: parent.id, txnLimitMinor: 5_000, dayLimitMinor: 8_000 });
    const pay = (amountMinor: number, ids = { paymentId: paymentId() }) => spend(f, eastTill.deviceToken, { cardNo: child.cardNo, amountMinor, ...ids });
    expect(await errorOf(await pay(5_001))).toMatchObject({ code: 'CHILD_LIMIT_EXCEEDED', details: { limit: 'transaction', limitMinor: 5_000 } });
    const first = { paymentId: paymentId() };
    expect((await pay(5_000, first)).status).toBe(200);
    expect(await errorOf(await pay(3_001))).toMatchObject({ code: 'CHILD_LIMIT_EXCEEDED', details: { limit: 'day', remainingMinor: 3_000 } });
    expect((await f.app.request(`/stored-value/spends/${first.paymentId}/reversal`, json({}, eastTill.deviceToken))).status).toBe(200);
    expect((await pay(5_000)).status).toBe(200);
    expect((await pay(3_000)).status).toBe(200);
    expect((await pay(1)).status).toBe(409);
    // The next business day in Shanghai starts at 16:00 UTC.
    clock.set('2026-11-22T16:00:01Z');
    expect((await pay(5_000)).status).toBe(200);
    const parentAccount = await account(f, parent.id);
    expect(parentAccount.balanceMinor).toBe(40_000 - 13_000);
    const spends = (await entriesOf(parent.id)).filter((e) => e.kind === 'spend');
    expect(spends.every((e) => e.memberId === child.id && e.storeId === eastTill.store.id && e.franchiseeId !== null)).toBe(true);
  });
});

describe('reversal and refund', () => {
  it('reverses exactly the spend once, only at its store, and not once the sale reached HQ', async () => {
    const member = await fundedMember(10_000);
    const ids = { paymentId: paymentId(), saleId: paymentId() };
    expect((await spend(f, till.deviceToken, { ...ids, cardNo: member.cardNo, amountMinor: 2_500 })).status).toBe(200);
    expect((await f.app.request(`/stored-value/spends/${ids.paymentId}/reversal`, json({}, eastTill.deviceToken))).status).toBe(404);
    const reversed = StoredValueMovement.parse(await (await f.app.request(`/stored-value/spends/${ids.paymentId}/reversal`, json({}, till.deviceToken))).json());
    expect(reversed).toMatchObject({ kind: 'spend_reversal', amountMinor: 2_500, balanceAfterMinor: 10_000 });
    const again = StoredValueMovement.parse(await (await f.app.request(`/stored-value/spends/${ids.paymentId}/reversal`, json({}, till.deviceToken))).json());
    expect(again).toEqual(reversed);
    expect((await account(f, member.id)).balanceMinor).toBe(10_000);

    const paid = { paymentId: paymentId() };
    expect((await spend(f, till.deviceToken, { ...paid, cardNo: member.cardNo, amountMinor: 1_000 })).status).toBe(200);
    const sale = makeSale(f, till, '0011', { lines: 1 });
    sale.payments = [{ id: paid.paymentId, tender: 'stored_value', amountMinor: sale.totalMinor, tenderedMinor: null, reference: null }] as Sale['payments'];
    sale.changeMinor = 0 as Sale['changeMinor'];
    expect(PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json()).results[0]!.status).toBe('accepted');
    const captured = await f.app.request(`/stored-value/spends/${paid.paymentId}/reversal`, json({}, till.deviceToken));
    expect([captured.status, (await errorOf(captured)).code]).toEqual([409, 'PAYMENT_CAPTURED']);
  });

  it('refunds to the spend’s account up to what it took, bonus money in the spend’s proportion, once per refund id', async () => {
    const settings = MembershipSettings.parse(await (await f.app.request('/settings/membership', bearer(hq))).json());
    await f.app.request('/settings/membership', { ...json({ ...settings, bonusSpentFirst: true }, hq), method: 'PUT' });
    const member = await addMember(f);
    await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 50_000 });
    const original = { paymentId: paymentId() };
    const spent = StoredValueMovement.parse(await (await spend(f, till.deviceToken, { ...original, cardNo: member.cardNo, amountMinor: 10_000 })).json());
    expect(spent.bonusMinor).toBe(-5_000);
    const refund = (amountMinor: number, id = paymentId(), returnId = paymentId()) =>
      f.app.request('/stored-value/refunds', json({ paymentId: id, originalPaymentId: original.paymentId, amountMinor, returnId }, eastTill.deviceToken));
    const firstIds = [paymentId(), paymentId()] as const;
    const first = StoredValueMovement.parse(await (await refund(3_333, ...firstIds)).json());
    expect([first.amountMinor, first.bonusMinor]).toEqual([3_333, 1_667]);
    expect(StoredValueMovement.parse(await (await refund(3_333, ...firstIds)).json())).toEqual(first);
    expect((await refund(3_000, firstIds[0], firstIds[1])).status).toBe(409);
    const over = await refund(6_668);
    expect(await errorOf(over)).toMatchObject({ code: 'REFUND_EXCEEDS_SPEND', details: { refundableMinor: 6_667 } });
    const rest = StoredValueMovement.parse(await (await refund(6_667)).json());
    expect(rest.bonusMinor).toBe(3_333);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 55_000, bonusMinor: 5_000 });
    expect((await refund(1)).status).toBe(409);
    await f.app.request('/settings/membership', { ...json(settings, hq), method: 'PUT' });
  });
});

describe('adjustments', () => {
  it('posts a small one at once and holds a large one for a second HQ user’s approval', async () => {
    const member = await fundedMember(1_000);
    const adjust = (body: object, token = hq) => f.app.request('/stored-value/adjustments', json(body, token));
    const small = StoredValueAdjustment.parse(await (await adjust({ memberId: member.id, amountMinor: -500, reason: '多充更正' })).json());
    expect([small.status, small.entryId !== null]).toEqual(['approved', true]);
    const large = StoredValueAdjustment.parse(await (await adjust({ accountId: member.id, amountMinor: 80_000, reason: 'Goodwill for a lost card' })).json());
    expect([large.status, large.entryId]).toEqual(['pending', null]);
    expect((await account(f, member.id)).balanceMinor).toBe(500);
    expect((await f.app.request(`/stored-value/adjustments/${large.id}/approve`, json({}, hq))).status).toBe(403);
    expect((await f.app.request(`/stored-value/adjustments/${large.id}/approve`, json({}, east))).status).toBe(403);
    const approved = StoredValueAdjustment.parse(await (await f.app.request(`/stored-value/adjustments/${large.id}/approve`, json({}, finance))).json());
    expect(approved).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    const entry = (await entriesOf(member.id)).find((e) => e.id === approved.entryId)!;
    expect(entry).toMatchObject({ kind: 'adjustment', amountMinor: 80_000, reason: 'Goodwill for a lost card', approvedBy: approved.decidedBy });
    expect((await f.app.request(`/stored-value/adjustments/${large.id}/reject`, json({}, finance))).status).toBe(409);

    const tooMuch = StoredValueAdjustment.parse(await (await adjust({ memberId: member.id, amountMinor: -90_000, reason: 'Wrong top-up' })).json());
    const refused = await f.app.request(`/stored-value/adjustments/${tooMuch.id}/approve`, json({}, finance));
    expect((await errorOf(refused)).code).toBe('INSUFFICIENT_BALANCE');
    const rejected = StoredValueAdjustment.parse(await (await f.app.request(`/stored-value/adjustments/${tooMuch.id}/reject`, json({}, finance))).json());
    expect(rejected.status).toBe('rejected');
    expect((await account(f, member.id)).balanceMinor).toBe(80_500);
  });

  it('has the demo chain’s adjustment waiting for a second HQ user, not yet in the balance', async () => {
    const pending = StoredValueAdjustmentList.parse(await (await f.app.request('/stored-value/adjustments?status=pending&limit=100', bearer(hq))).json());
    const seeded = pending.items.find((a) => a.reason === demoPendingAdjustment.reason);
    expect(seeded).toMatchObject({ amountMinor: demoPendingAdjustment.amountMinor, memberName: '陈晓燕', requestedByName: '总部管理员 HQ Admin', entryId: null });
    expect((await entriesOf(seeded!.accountId)).filter((e) => e.kind === 'adjustment')).toEqual([]);
  });

  it('lists adjustments for HQ by status and member, naming the member and the people who asked and decided', async () => {
    const member = await fundedMember(1_000);
    const adjust = (amountMinor: number, reason: string) => f.app.request('/stored-value/adjustments', json({ memberId: member.id, amountMinor, reason }, hq));
    const waiting = StoredValueAdjustment.parse(await (await adjust(60_000, 'Compensation')).json());
    clock.advance(1_000);
    const posted = StoredValueAdjustment.parse(await (await adjust(300, 'Rounding')).json());
    const listOf = async (query: string, token = hq) => {
      const res = await f.app.request(`/stored-value/adjustments?${query}`, bearer(token));
      expect(res.status).toBe(200);
      return StoredValueAdjustmentList.parse(await res.json());
    };
    const mine = await listOf(`memberId=${member.id}`);
    expect(mine.total).toBe(2);
    expect(mine.items.map((a) => [a.id, a.status, a.memberId, a.memberName])).toEqual([[posted.id, 'approved', member.id, '储值会员'], [waiting.id, 'pending', member.id, '储值会员']]);
    expect(mine.items[0]).toMatchObject({ requestedByName: '总部管理员 HQ Admin', decidedByName: null });
    const pending = await listOf('status=pending&limit=100');
    expect(pending.items.every((a) => a.status === 'pending')).toBe(true);
    expect(pending.items.map((a) => a.id)).toContain(waiting.id);
    expect((await listOf('status=pending&limit=1')).items).toHaveLength(1);
    expect((await f.app.request(`/stored-value/adjustments/${waiting.id}/approve`, json({}, finance))).status).toBe(200);
    const decided = (await listOf(`memberId=${member.id}&status=approved`)).items.find((a) => a.id === waiting.id);
    expect(decided).toMatchObject({ status: 'approved', decidedByName: '财务 Finance' });
    expect((await listOf('status=pending&limit=100')).items.map((a) => a.id)).not.toContain(waiting.id);
    expect((await f.app.request('/stored-value/adjustments', bearer(east))).status).toBe(403);
    expect((await f.app.request('/stored-value/adjustments?status=waiting', bearer(hq))).status).toBe(400);
    expect((await f.app.request('/stored-value/adjustments?memberId=nope', bearer(hq))).status).toBe(400);
  });
});

describe('reading stored value', () => {
  it('shows HQ every entry and a franchisee the balance with only the entries of their stores', async () => {
    const member = await fundedMember(10_000);
    clock.advance(1_000);
    await topUp(f, eastTill.deviceToken, { cardNo: member.cardNo, amountMinor: 2_000 });
    const read = async (token: string) => MemberStoredValue.parse(await (await f.app.request(`/members/${member.id}/stored-value`, bearer(token))).json());
    const all = await read(hq);
    expect([all.balanceMinor, all.total, all.entries[0]!.amountMinor]).toEqual([12_000, 2, 2_000]);
    const theirs = await read(east);
    expect([theirs.balanceMinor, theirs.total, theirs.entries.map((e) => e.storeId)]).toEqual([12_000, 1, [eastTill.store.id]]);
    expect((await f.app.request(`/members/${member.id}/stored-value`, bearer(till.deviceToken))).status).toBe(403);
    const balance = CardBalance.parse(await (await f.app.request(`/stored-value/balance?cardNo=${member.cardNo}`, bearer(till.deviceToken))).json());
    expect(balance).toEqual({ cardNo: member.cardNo, balanceMinor: 12_000, bonusMinor: 0, pinRequired: false, childTxnLimitMinor: null, childDayLimitMinor: null });
  });

  it('shows the demo’s showcase member with a balance made by top-ups', async () => {
    const balance = CardBalance.parse(await (await f.app.request(`/stored-value/balance?cardNo=${demoCardNo(1)}`, bearer(till.deviceToken))).json());
    expect([balance.balanceMinor, balance.bonusMinor]).toEqual([75_000, 5_000]);
  });
});

describe('returns the till pushes', () => {
  /** A sale of four units at ¥200 at S001, paid `storedMinor` with stored value under `storedPaymentId` and the rest in cash, as pushed. */
  async function partlyStoredSale(storedPaymentId: string, storedMinor: number): Promise<Sale> {
    const sale = makeSale(f, till, '0011', { lines: 1 });
    const gross = 4 * 20_000;
    sale.lines = [{ ...sale.lines[0]!, quantity: 4, unitPriceMinor: 20_000, grossMinor: gross, discountMinor: 0, netMinor: gross }] as Sale['lines'];
    sale.payments = [
      { id: storedPaymentId, tender: 'stored_value', amountMinor: storedMinor, tenderedMinor: null, reference: null },
      { id: paymentId(), tender: 'cash', amountMinor: gross - storedMinor, tenderedMinor: gross - storedMinor, reference: null },
    ] as Sale['payments'];
    Object.assign(sale, { subtotalMinor: gross, totalMinor: gross, changeMinor: 0 });
    expect(PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json()).results[0]!.status).toBe('accepted');
    return sale;
  }

  /** A member topped up ¥500 (the demo rule adds ¥50 bonus) who spent ¥520 of it on such a sale: ¥20 of the spend is bonus money, as bonus goes last. */
  async function storedValueSale() {
    const member = await addMember(f);
    await topUp(f, till.deviceToken, { cardNo: member.cardNo, amountMinor: 50_000 });
    const spendId = paymentId();
    const spent = StoredValueMovement.parse(await (await spend(f, till.deviceToken, { paymentId: spendId, cardNo: member.cardNo, amountMinor: 52_000 })).json());
    expect([spent.amountMinor, spent.bonusMinor, spent.balanceAfterMinor]).toEqual([-52_000, -2_000, 3_000]);
    return { member, spendId, sale: await partlyStoredSale(spendId, 52_000) };
  }

  const pushReturn = async (doc: Return) => PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [doc] }, eastTill.deviceToken))).json()).results[0]!.status;
  const differencesOf = (returnId: string) => f.deps.db.select().from(returnDifferences).where(and(eq(returnDifferences.chainId, f.chainId), eq(returnDifferences.returnId, returnId)));

  it('credits the card its share of a returned item with the spend’s bonus share, once however often the till pushes it', async () => {
    const { member, spendId, sale } = await storedValueSale();
    const doc = makeReturn(f, eastTill, '0041', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    expect(doc.refunds.map((r) => [r.tender, r.amountMinor])).toEqual([['stored_value', 13_000], ['cash', 7_000]]);
    const refund = doc.refunds[0]!;
    expect(await pushReturn(doc)).toBe('accepted');
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 16_000, bonusMinor: 3_500 });
    const credited = (await entriesOf(member.id)).filter((e) => e.kind === 'refund');
    const [east] = await f.deps.db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(eq(stores.id, eastTill.store.id));
    expect(credited).toMatchObject([{
      amountMinor: 13_000, bonusMinor: 500, balanceAfterMinor: 16_000, paymentId: refund.id, documentId: doc.id,
      storeId: eastTill.store.id, franchiseeId: east!.franchiseeId, deviceId: eastTill.device.id, actorId: doc.cashierId,
    }]);
    expect(east!.franchiseeId).not.toBeNull();
    expect(await f.deps.db.select().from(storedValueRefunds).where(eq(storedValueRefunds.paymentId, refund.id)))
      .toMatchObject([{ originalPaymentId: spendId, amountMinor: 13_000, bonusMinor: 500, entryId: credited[0]!.id }]);

    expect(await pushReturn(doc)).toBe('duplicate');
    const online = await f.app.request('/stored-value/refunds', json({ paymentId: refund.id, originalPaymentId: spendId, amountMinor: 13_000, returnId: doc.id }, eastTill.deviceToken));
    expect(StoredValueMovement.parse(await online.json())).toMatchObject({ entryId: credited[0]!.id, amountMinor: 13_000, bonusMinor: 500 });
    expect((await entriesOf(member.id)).filter((e) => e.kind === 'refund')).toHaveLength(1);
    expect((await account(f, member.id)).balanceMinor).toBe(16_000);
    expect(await differencesOf(doc.id)).toEqual([]);
  });

  it('credits nothing more for a refund the till already gave back online under the same id', async () => {
    const { member, spendId, sale } = await storedValueSale();
    const doc = makeReturn(f, eastTill, '0041', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    const refund = doc.refunds[0]!;
    const online = await f.app.request('/stored-value/refunds', json({ paymentId: refund.id, originalPaymentId: spendId, amountMinor: refund.amountMinor, returnId: doc.id }, eastTill.deviceToken));
    expect(online.status).toBe(200);
    expect(await pushReturn(doc)).toBe('accepted');
    expect((await entriesOf(member.id)).filter((e) => e.kind === 'refund').map((e) => e.amountMinor)).toEqual([13_000]);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 16_000, bonusMinor: 3_500 });
    expect(await differencesOf(doc.id)).toEqual([]);
  });

  it('credits what is left of a spend refunded online before, and records the rest as a difference the office sees', async () => {
    const { member, spendId, sale } = await storedValueSale();
    const before = await f.app.request('/stored-value/refunds', json({ paymentId: paymentId(), originalPaymentId: spendId, amountMinor: 45_000, returnId: paymentId() }, till.deviceToken));
    expect(before.status).toBe(200);
    const doc = makeReturn(f, eastTill, '0041', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 4 }]);
    expect(doc.refunds[0]).toMatchObject({ tender: 'stored_value', amountMinor: 52_000 });
    expect(await pushReturn(doc)).toBe('accepted');
    expect((await entriesOf(member.id)).filter((e) => e.kind === 'refund').map((e) => [e.amountMinor, e.documentId])).toContainEqual([7_000, doc.id]);
    expect(await account(f, member.id)).toMatchObject({ balanceMinor: 55_000, bonusMinor: 5_000 });
    expect((await differencesOf(doc.id)).map((d) => [d.problem, d.salePaymentId, d.excess, d.detail])).toEqual([
      ['STORED_VALUE_REFUND', spendId, 45_000, { reason: 'EXCEEDS_SPEND', refunded: 52_000, credited: 7_000, originalSaleId: sale.id, originalStoreId: till.store.id }],
    ]);
    const list = ReturnList.parse(await (await f.app.request('/returns?differences=true&limit=200', bearer(hq))).json());
    expect(list.items.find((r) => r.id === doc.id)?.differences).toEqual([{ problem: 'STORED_VALUE_REFUND', excess: 45_000, lineName: null }]);
  });

  it('takes a return of a sale whose stored value HQ never took or gave back, crediting nothing and recording the difference', async () => {
    const member = await fundedMember(40_000);
    const reversedId = paymentId();
    expect((await spend(f, till.deviceToken, { paymentId: reversedId, cardNo: member.cardNo, amountMinor: 30_000 })).status).toBe(200);
    expect((await f.app.request(`/stored-value/spends/${reversedId}/reversal`, json({}, till.deviceToken))).status).toBe(200);
    for (const [storedPaymentId, reason] of [[paymentId(), 'UNKNOWN_SPEND'], [reversedId, 'SPEND_REVERSED']] as const) {
      const sale = await partlyStoredSale(storedPaymentId, 30_000);
      const doc = makeReturn(f, eastTill, '0041', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 2 }]);
      expect(await pushReturn(doc)).toBe('accepted');
      expect((await differencesOf(doc.id)).map((d) => [d.problem, d.excess, (d.detail as { reason: string }).reason])).toEqual([['STORED_VALUE_REFUND', 15_000, reason]]);
      expect(await f.deps.db.$count(storedValueEntries, and(eq(storedValueEntries.chainId, f.chainId), eq(storedValueEntries.documentId, doc.id)))).toBe(0);
    }
    expect((await account(f, member.id)).balanceMinor).toBe(40_000);
  });
});

describe('bad input and the ingest link', () => {
  it('refuses malformed bodies with 400 and writes nothing', async () => {
    const member = await fundedMember(1_000);
    const before = await takeSnapshot(database.db);
    const bad: [string, object, string][] = [
      ['/stored-value/spends', { paymentId: paymentId(), saleId: paymentId(), cardNo: member.cardNo, amountMinor: 0 }, till.deviceToken],
      ['/stored-value/spends', { paymentId: paymentId(), saleId: paymentId(), cardNo: member.cardNo, amountMinor: 10.5 }, till.deviceToken],
      ['/stored-value/spends', { paymentId: 'x', saleId: paymentId(), cardNo: member.cardNo, amountMinor: 10 }, till.deviceToken],
      ['/stored-value/spends', { paymentId: paymentId(), saleId: paymentId(), cardNo: '12ab', amountMinor: 10 }, till.deviceToken],
      ['/stored-value/top-ups', { paymentId: paymentId(), cardNo: member.cardNo, amountMinor: -5, tender: 'cash' }, till.deviceToken],
      ['/stored-value/top-ups', { paymentId: paymentId(), cardNo: member.cardNo, amountMinor: 5, tender: 'stored_value' }, till.deviceToken],
      ['/stored-value/adjustments', { memberId: member.id, accountId: member.id, amountMinor: 5, reason: 'x' }, hq],
      ['/stored-value/adjustments', { memberId: member.id, amountMinor: 5, reason: '' }, hq],
      ['/stored-value/top-up-rules', { name: 'x', minTopUpMinor: 100, bonusMinor: 10, startsOn: '2026-12-02', endsOn: '2026-12-01' }, hq],
    ];
    for (const [path, body, token] of bad) {
      const res = await f.app.request(path, json(body, token));
      expect([path, res.status]).toEqual([path, 400]);
    }
    expect(changedTables(before, await takeSnapshot(database.db))).toEqual([]);
  });

  it('keeps a sale paid with stored value HQ never took, and records the difference beside it', async () => {
    const sale = makeSale(f, till, '0011', { lines: 1 });
    const payment = { id: paymentId(), tender: 'stored_value', amountMinor: sale.totalMinor, tenderedMinor: null, reference: null };
    sale.payments = [payment] as Sale['payments'];
    sale.changeMinor = 0 as Sale['changeMinor'];
    expect(PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json()).results[0]!.status).toBe('accepted');
    // The sale's random items may differ in price from HQ's promotions too: that is another difference, not this one.
    const found = (await f.deps.db.select({ detail: pricingDiscrepancies.detail, difference: pricingDiscrepancies.differenceMinor }).from(pricingDiscrepancies)
      .where(eq(pricingDiscrepancies.saleId, sale.id))).filter((d) => (d.detail as { problem?: string }).problem === 'STORED_VALUE_NOT_AUTHORISED');
    expect(found).toEqual([{ detail: { problem: 'STORED_VALUE_NOT_AUTHORISED', paymentId: payment.id, tillAmountMinor: sale.totalMinor, ledgerAmountMinor: 0 }, difference: sale.totalMinor }]);
  });

  it('leaves every account equal to its ledger after all of the above', async () => {
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { SpendBody, StoredValueMovement } from '@pos/shared';
import { createTestDb, pairedDevice } from '../../db/test-db.fixture';
import { createHqClient } from '../../hq/hq-client';
import { cardEnquiry, giveBack, pointsFor, spendStoredValue, topUpCard } from './member-money';

const spend: SpendBody = {
  paymentId: '0195505c-0000-7000-8000-0000000000a1', cardNo: '888800018', amountMinor: 1_250 as SpendBody['amountMinor'], saleId: '0195505c-0000-7000-8000-0000000000a2',
};
const movement: StoredValueMovement = {
  entryId: '0195505c-0000-7000-8000-0000000000a3', paymentId: spend.paymentId, kind: 'spend', cardNo: spend.cardNo,
  amountMinor: -1_250 as StoredValueMovement['amountMinor'], bonusMinor: 0 as StoredValueMovement['bonusMinor'],
  balanceAfterMinor: 8_750 as StoredValueMovement['balanceAfterMinor'], at: '2026-12-02T03:00:00.000Z',
};

const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = (status: number, code: string) => reply(status, { error: { code, message: code } });

/** A paired till whose HQ answers each call in turn from `answers` (a thrown error is no answer at all). */
async function tillAnswering(...answers: (Response | Error)[]) {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  const fetch = vi.fn(async () => {
    const next = answers.shift();
    if (!next || next instanceof Error) throw next ?? new Error('no answer');
    return next;
  });
  return { deps: { db, hq: createHqClient({ fetch }) }, fetch };
}

const bodiesSent = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls.map((call) => JSON.parse(String((call as [unknown, RequestInit])[1].body)));

describe('paying from a member card at HQ', () => {
  it('asks again with the same payment id after no answer, so a retry takes once', async () => {
    const { deps, fetch } = await tillAnswering(new Error('timed out'), reply(503, {}), reply(200, movement));
    expect(await spendStoredValue(deps, spend)).toEqual({ ok: true, value: movement });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(new Set(bodiesSent(fetch).map((b) => b.paymentId))).toEqual(new Set([spend.paymentId]));
  });

  it('says stored value is online only when HQ stays out of reach, after three tries', async () => {
    const { deps, fetch } = await tillAnswering(new Error('down'), new Error('down'), new Error('down'), reply(200, movement));
    expect(await spendStoredValue(deps, spend)).toEqual({ ok: false, code: 'STORED_VALUE_OFFLINE', offline: true });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('takes HQ’s refusal at once, with its code, and does not ask again', async () => {
    const { deps, fetch } = await tillAnswering(refusal(409, 'INSUFFICIENT_BALANCE'), reply(200, movement));
    expect(await spendStoredValue(deps, spend)).toEqual({ ok: false, code: 'INSUFFICIENT_BALANCE', offline: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses before asking when the till is not paired', async () => {
    const fetch = vi.fn(async () => reply(200, movement));
    const deps = { db: createTestDb(), hq: createHqClient({ fetch }) };
    expect(await topUpCard(deps, { paymentId: spend.paymentId, cardNo: spend.cardNo, amountMinor: spend.amountMinor, tender: 'cash' })).toMatchObject({ ok: false, code: 'DEVICE_REFUSED' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives a stored-value payment and a points payment back by their own routes', async () => {
    const { deps, fetch } = await tillAnswering(reply(200, { ...movement, kind: 'spend_reversal', amountMinor: 1_250 }), reply(200, { paymentId: spend.paymentId, points: 300, valueMinor: 300, balanceAfter: 900, reversed: true }));
    expect(await giveBack(deps, { id: spend.paymentId, tender: 'stored_value' })).toMatchObject({ ok: true });
    expect(await giveBack(deps, { id: spend.paymentId, tender: 'points' })).toMatchObject({ ok: true });
    expect(fetch.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual([
      `/stored-value/spends/${spend.paymentId}/reversal`, `/points/redemptions/${spend.paymentId}/reversal`,
    ]);
  });

  it('answers an enquiry only when both the balance and the points came back', async () => {
    const balance = { cardNo: spend.cardNo, balanceMinor: 8_750, bonusMinor: 500, pinRequired: true, childTxnLimitMinor: null, childDayLimitMinor: null };
    const points = { cardNo: spend.cardNo, memberId: '0195505c-0000-7000-8000-0000000000a4', points: 1_200, valueMinor: 1_200, redeemPointsPerYuan: 100 };
    const both = await tillAnswering(reply(200, balance), reply(200, points));
    expect(await cardEnquiry(both.deps, spend.cardNo)).toEqual({ ok: true, value: { storedValue: balance, points } });
    const lost = await tillAnswering(refusal(423, 'CARD_LOST'), refusal(423, 'CARD_LOST'));
    expect(await cardEnquiry(lost.deps, spend.cardNo)).toEqual({ ok: false, code: 'CARD_LOST', offline: false });
  });
});

describe('pointsFor', () => {
  it('pays what is left when the points cover it, at 100 points a yuan', () => {
    expect(pointsFor(455, 10_000, 100)).toEqual({ points: 455, valueMinor: 455 });
  });

  it('pays what the points hold when they do not cover it', () => {
    expect(pointsFor(10_000, 1_234, 100)).toEqual({ points: 1_234, valueMinor: 1_234 });
  });

  it('keeps to whole points that make whole fen at other rates', () => {
    // 150 points a yuan: 3 points make 2 fen, so an odd amount rounds down to the nearest even fen.
    expect(pointsFor(455, 10_000, 150)).toEqual({ points: 681, valueMinor: 454 });
    expect(pointsFor(455, 10_000, 1_000)).toEqual({ points: 4_550, valueMinor: 455 });
    expect(pointsFor(455, 2, 150)).toEqual({ points: 0, valueMinor: 0 });
  });
});

import { balanceValueMinor, type CardBalance, type MemberCard, type PointsBalance, type PointsRedemption, type RedeemPointsBody, type ReplaceLostCardBody, type SpendBody, type StoredValueMovement, type TopUpBody, type TopUpResult } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';
import { failureCode, isUnreachable, type HqResult } from '../../hq/hq-failure';

export interface MoneyDeps {
  db: TillDb;
  hq: HqClient;
}

/**
 * A card's money at HQ answered, or why not: HQ's error code (`INSUFFICIENT_BALANCE`,
 * `CARD_PIN_WRONG`, …) or, when HQ could not be reached, the code the till shows for that.
 */
export type MoneyAnswer<T> = { ok: true; value: T } | { ok: false; code: string; offline: boolean };

/** How often a movement keyed by its id is asked again when no answer came: HQ takes it once whatever the number of asks. */
const TRIES = 3;

/**
 * Asks HQ, again when no answer came: a time-out leaves the till not knowing whether HQ took the
 * money, and asking again with the same payment id answers what HQ did the first time, never a
 * second debit. `offlineCode` names what the till says when HQ stays out of reach.
 */
async function ask<T>({ db }: MoneyDeps, call: (deviceToken: string) => Promise<HqResult<T>>, offlineCode: string, tries = TRIES): Promise<MoneyAnswer<T>> {
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, code: 'DEVICE_REFUSED', offline: false };
  for (let attempt = 1; ; attempt++) {
    const answer = await call(pairing.deviceToken);
    if (answer.ok) return answer;
    if (!isUnreachable(answer.failure)) return { ok: false, code: failureCode(answer.failure), offline: false };
    if (attempt >= tries) return { ok: false, code: offlineCode, offline: true };
  }
}

/** Takes stored value for a sale being paid (储值支付). Stored value is paid online: with HQ out of reach the till says so and takes another tender. */
export const spendStoredValue = (deps: MoneyDeps, body: SpendBody): Promise<MoneyAnswer<StoredValueMovement>> =>
  ask(deps, (token) => deps.hq.spendStoredValue(token, body), 'STORED_VALUE_OFFLINE');

/** Pays part of a sale with points (积分抵现), online like stored value. */
export const redeemPoints = (deps: MoneyDeps, body: RedeemPointsBody): Promise<MoneyAnswer<PointsRedemption>> =>
  ask(deps, (token) => deps.hq.redeemPoints(token, body), 'POINTS_OFFLINE');

/** Gives back a card payment taken off a ticket before the sale completed (冲正): stored value or points, by the payment's id. */
export function giveBack(deps: MoneyDeps, payment: { id: string; tender: 'stored_value' | 'points' }): Promise<MoneyAnswer<StoredValueMovement | PointsRedemption>> {
  return payment.tender === 'stored_value'
    ? ask<StoredValueMovement | PointsRedemption>(deps, (token) => deps.hq.reverseStoredValue(token, payment.id), 'GIVE_BACK_OFFLINE')
    : ask<StoredValueMovement | PointsRedemption>(deps, (token) => deps.hq.reversePoints(token, payment.id), 'GIVE_BACK_OFFLINE');
}

/** Tops up a card at the counter (会员充值), once per payment id however often it is asked. */
export const topUpCard = (deps: MoneyDeps, body: TopUpBody): Promise<MoneyAnswer<TopUpResult>> =>
  ask(deps, (token) => deps.hq.topUp(token, body), 'TOP_UP_OFFLINE');

/** What a card holds (余额查询): stored value and points together; an enquiry is not asked again, the cashier asks again. */
export async function cardEnquiry(deps: MoneyDeps, cardNo: string): Promise<MoneyAnswer<{ storedValue: CardBalance; points: PointsBalance }>> {
  const [storedValue, points] = await Promise.all([
    ask(deps, (token) => deps.hq.cardBalance(token, cardNo), 'ENQUIRY_OFFLINE', 1),
    ask(deps, (token) => deps.hq.pointsBalance(token, cardNo), 'ENQUIRY_OFFLINE', 1),
  ]);
  if (!storedValue.ok) return storedValue;
  if (!points.ok) return points;
  return { ok: true, value: { storedValue: storedValue.value, points: points.value } };
}

/** Reports a card lost (挂失): every till refuses it from then on. Asking twice finds it lost already, which HQ refuses plainly. */
export const reportCardLost = (deps: MoneyDeps, cardNo: string): Promise<MoneyAnswer<MemberCard>> =>
  ask(deps, (token) => deps.hq.reportCardLost(token, cardNo), 'CARD_WORK_OFFLINE', 1);

/** Replaces a lost card with the blank card handed over (补卡); the member's balance, points and level go with them. */
export const replaceLostCard = (deps: MoneyDeps, body: ReplaceLostCardBody): Promise<MoneyAnswer<MemberCard>> =>
  ask(deps, (token) => deps.hq.replaceLostCard(token, body), 'CARD_WORK_OFFLINE', 1);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The most of `wantMinor` the points held can pay at the chain's rate (`pointsPerYuan` points take
 * ¥1 off), in whole points that make whole fen as HQ requires, and the points that takes.
 */
export function pointsFor(wantMinor: number, held: number, pointsPerYuan: number): { points: number; valueMinor: number } {
  const step = 100 / gcd(pointsPerYuan, 100);
  const valueMinor = Math.floor(Math.min(wantMinor, balanceValueMinor(held, pointsPerYuan)) / step) * step;
  return { points: (valueMinor * pointsPerYuan) / 100, valueMinor };
}

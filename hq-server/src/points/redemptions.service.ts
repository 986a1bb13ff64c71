import { businessDate, minor, pointsValueMinor, type GiftRedemption, type GiftRedemptionBody, type PointsRedemption, type RedeemPointsBody } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { members } from '../pricing/pricing.tables';
import { sales } from '../sales/sales.tables';
import { activeCardHolder, franchiseeOf } from './points-cards.repo';
import { loadPointsSettings } from './points-settings.service';
import { lockPool, postPoints } from './post-points';
import { pointsEntries } from './points.tables';

type Entry = typeof pointsEntries.$inferSelect;

async function entriesOfPayment(db: Db, chainId: string, paymentId: string): Promise<{ redeem?: Entry; reversal?: Entry }> {
  const rows = await db.select().from(pointsEntries)
    .where(and(eq(pointsEntries.chainId, chainId), eq(pointsEntries.paymentId, paymentId), inArray(pointsEntries.kind, ['redeem', 'redeem_reversal'])));
  return { redeem: rows.find((r) => r.kind === 'redeem'), reversal: rows.find((r) => r.kind === 'redeem_reversal') };
}

const answer = (redeem: Entry, reversal: Entry | undefined): PointsRedemption => ({
  paymentId: redeem.paymentId!, points: -redeem.points, valueMinor: minor(redeem.valueMinor ?? 0),
  balanceAfter: reversal?.balanceAfter ?? redeem.balanceAfter, reversed: reversal !== undefined,
});

/** A retried request must ask for the same thing as the first: the same sale, pool and points. */
function sameRedemption(found: Entry, accountId: string, body: RedeemPointsBody): PointsRedemption | never {
  if (found.saleId !== body.saleId || found.accountId !== accountId || -found.points !== body.points) {
    throw new AppError('CONFLICT', 'this payment id already redeemed other points', { paymentId: body.paymentId });
  }
  return answer(found, undefined);
}

async function saleAtHq(db: Db, chainId: string, saleId: string): Promise<boolean> {
  return (await db.$count(sales, and(eq(sales.chainId, chainId), eq(sales.id, saleId)))) > 0;
}

/**
 * Pays part of a sale with points (积分抵现), online: the pool of the card's member is debited
 * under its row lock, never below zero, and the answer is what the points take off at the
 * chain's rate. The payment id is the key: a retry finds the first redemption and debits nothing.
 */
export async function redeemPoints({ db, clock }: Deps, device: DevicePrincipal, body: RedeemPointsBody): Promise<PointsRedemption> {
  const { chainId } = device;
  const holder = await activeCardHolder(db, chainId, body.cardNo);
  const { redeemPointsPerYuan } = await loadPointsSettings(db, chainId);
  const valueMinor = pointsValueMinor(body.points, redeemPointsPerYuan);
  if (valueMinor === null) {
    throw new AppError('VALIDATION_FAILED', `at ${redeemPointsPerYuan} points a yuan, the points must make whole fen`, [{ path: 'points', message: 'does not make whole fen at the chain’s rate' }]);
  }
  const franchiseeId = await franchiseeOf(db, chainId, device.storeId);
  return db.transaction(async (tx) => {
    await lockPool(tx, chainId, holder.accountId);
    const { redeem, reversal } = await entriesOfPayment(tx, chainId, body.paymentId);
    if (redeem) return reversal ? answer(redeem, reversal) : sameRedemption(redeem, holder.accountId, body);
    if (await saleAtHq(tx, chainId, body.saleId)) throw new AppError('CONFLICT', 'the sale is already at HQ; points pay only for a sale in progress');
    const posted = await postPoints(tx, chainId, holder.accountId, -body.points, {
      id: newId(clock), kind: 'redeem', memberId: holder.memberId, storeId: device.storeId, franchiseeId, deviceId: device.deviceId,
      saleId: body.saleId, paymentId: body.paymentId, valueMinor,
    }, { at: clock() });
    if (!posted) throw new AppError('INSUFFICIENT_POINTS', 'the pool holds fewer points than asked for', { points: await lockPool(tx, chainId, holder.accountId) });
    return { paymentId: body.paymentId, points: body.points, valueMinor: minor(valueMinor), balanceAfter: posted.balanceAfter, reversed: false };
  });
}

/**
 * Gives back the points of a redemption whose sale was abandoned before completion. Once the
 * sale is at HQ it is refused: the customer kept what the points paid, and a return gives them
 * back. Only the store that redeemed may reverse. A second reversal answers the first.
 */
export async function reverseRedemption({ db, clock }: Deps, device: DevicePrincipal, paymentId: string): Promise<PointsRedemption> {
  const { chainId } = device;
  const { redeem } = await entriesOfPayment(db, chainId, paymentId);
  if (!redeem || redeem.storeId !== device.storeId) throw new AppError('NOT_FOUND', 'no points redemption has this payment id in this store');
  return db.transaction(async (tx) => {
    await lockPool(tx, chainId, redeem.accountId);
    const { reversal } = await entriesOfPayment(tx, chainId, paymentId);
    if (reversal) return answer(redeem, reversal);
    if (await saleAtHq(tx, chainId, redeem.saleId!)) throw new AppError('CONFLICT', 'the sale is already at HQ; give the points back with a return');
    const at = clock();
    const posted = await postPoints(tx, chainId, redeem.accountId, -redeem.points, {
      id: newId(clock), kind: 'redeem_reversal', memberId: redeem.memberId, storeId: device.storeId, franchiseeId: redeem.franchiseeId, deviceId: device.deviceId,
      saleId: redeem.saleId, paymentId, valueMinor: redeem.valueMinor,
    }, { at, earnedOn: businessDate(at, device.storeTimeZone) });
    return { ...answer(redeem, undefined), balanceAfter: posted!.balanceAfter, reversed: true };
  });
}

/** Exchanges a member's points for a gift (积分换礼) from the office, audited; never below zero. */
export async function redeemForGift({ db, clock }: Deps, principal: OfficePrincipal, body: GiftRedemptionBody): Promise<GiftRedemption> {
  const [member] = await db.select({ accountId: members.accountId, active: members.active }).from(members)
    .where(and(eq(members.chainId, principal.chainId), eq(members.id, body.memberId)));
  if (!member) throw new AppError('NOT_FOUND', 'no such member');
  if (!member.active) throw new AppError('CONFLICT', 'the member is no longer active');
  return db.transaction(async (tx) => {
    const id = newId(clock);
    const posted = await postPoints(tx, principal.chainId, member.accountId, -body.points, {
      id, kind: 'gift_redeem', memberId: body.memberId, actorId: principal.userId, reason: body.giftName,
    }, { at: clock() });
    if (!posted) throw new AppError('INSUFFICIENT_POINTS', 'the pool holds fewer points than the gift needs', { points: await lockPool(tx, principal.chainId, member.accountId) });
    const result = { entryId: id, memberId: body.memberId, points: body.points, balanceAfter: posted.balanceAfter };
    await recordAudit(tx, principal, clock, { entity: 'points_gift_redemption', entityId: id, action: 'create', before: null, after: { ...result, giftName: body.giftName } });
    return result;
  });
}

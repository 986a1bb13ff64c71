import { balanceValueMinor, minor, pointsExpireOn, type MemberPoints, type PointsBalance, type PointsEntry } from '@pos/shared';
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { members } from '../pricing/pricing.tables';
import { activeCardHolder } from './points-cards.repo';
import { loadPointsSettings } from './points-settings.service';
import { pointsEntries, pointsLots } from './points.tables';
import { memberAccounts } from '../members/membership.tables';

/** How many expiry days the office sees ahead. */
const EXPIRY_DAYS_SHOWN = 12;

const toEntry = (row: typeof pointsEntries.$inferSelect): PointsEntry => ({
  id: row.id, kind: row.kind, points: row.points, balanceAfter: row.balanceAfter, memberId: row.memberId, storeId: row.storeId,
  saleId: row.saleId, returnId: row.returnId, paymentId: row.paymentId, reason: row.reason, createdAt: row.createdAt.toISOString(),
});

/**
 * The entries an office user sees: all for HQ; for anyone else, those made in the stores of their
 * scope and those made by no store (office changes, expiry), so a franchisee never sees where
 * the member shopped at another franchisee's stores.
 */
async function entriesVisibleTo(db: Db, principal: OfficePrincipal): Promise<SQL | undefined> {
  if (principal.role === 'hq_admin') return undefined;
  const ids = (await storesInScope(db, principal)).map((s) => s.id);
  return ids.length ? or(isNull(pointsEntries.storeId), inArray(pointsEntries.storeId, ids)) : isNull(pointsEntries.storeId);
}

/** Points still held by the day they lapse under the chain's policy, soonest first. */
async function expiringPoints(db: Db, chainId: string, accountId: string): Promise<MemberPoints['expiring']> {
  const { expiry } = await loadPointsSettings(db, chainId);
  if (expiry.kind === 'none') return [];
  const lots = await db.select({ earnedOn: pointsLots.earnedOn, points: sql<string>`sum(${pointsLots.remaining})` }).from(pointsLots)
    .where(and(eq(pointsLots.chainId, chainId), eq(pointsLots.accountId, accountId), gt(pointsLots.remaining, 0)))
    .groupBy(pointsLots.earnedOn).orderBy(asc(pointsLots.earnedOn));
  const byDay = new Map<string, number>();
  for (const lot of lots) {
    const day = pointsExpireOn(lot.earnedOn, expiry)!;
    byDay.set(day, (byDay.get(day) ?? 0) + Number(lot.points));
  }
  return [...byDay].slice(0, EXPIRY_DAYS_SHOWN).map(([expiresOn, points]) => ({ expiresOn, points }));
}

/** A member's points pool for the office: the balance, a page of entries newest first, and what lapses when. */
export async function readMemberPoints(db: Db, principal: OfficePrincipal, memberId: string, page: { limit: number; offset: number }): Promise<MemberPoints> {
  const { chainId } = principal;
  const [member] = await db.select({ accountId: members.accountId, points: memberAccounts.points }).from(members)
    .innerJoin(memberAccounts, and(eq(memberAccounts.chainId, members.chainId), eq(memberAccounts.id, members.accountId)))
    .where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
  if (!member) throw new AppError('NOT_FOUND', 'no such member');
  const where = and(eq(pointsEntries.chainId, chainId), eq(pointsEntries.accountId, member.accountId), await entriesVisibleTo(db, principal));
  const [rows, [counted], expiring] = await Promise.all([
    db.select().from(pointsEntries).where(where).orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(pointsEntries).where(where),
    expiringPoints(db, chainId, member.accountId),
  ]);
  return { memberId, accountId: member.accountId, points: member.points, entries: { items: rows.map(toEntry), total: counted?.n ?? 0 }, expiring };
}

/** A till's points enquiry for an active card: the pool's balance and what it can take off. */
export async function readCardPoints(db: Db, device: DevicePrincipal, cardNo: string): Promise<PointsBalance> {
  const holder = await activeCardHolder(db, device.chainId, cardNo);
  const [[pool], { redeemPointsPerYuan }] = await Promise.all([
    db.select({ points: memberAccounts.points }).from(memberAccounts).where(and(eq(memberAccounts.chainId, device.chainId), eq(memberAccounts.id, holder.accountId))),
    loadPointsSettings(db, device.chainId),
  ]);
  const points = pool?.points ?? 0;
  return { cardNo, memberId: holder.memberId, points, valueMinor: minor(balanceValueMinor(points, redeemPointsPerYuan)), redeemPointsPerYuan };
}

import { saleEarning, type EarnFacts, type Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUuid, newId } from '../ids';
import { memberAccounts } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { activeEarnRules } from './points-rules.service';
import { postPoints } from './post-points';

/** What one member's sale earns, worked out before the sale is written and posted with it. */
export interface SaleEarning {
  saleId: string;
  accountId: string;
  memberId: string;
  storeId: string;
  deviceId: string;
  businessDate: string;
  points: number;
}

export interface SaleToEarn {
  sale: Sale;
  businessDate: string;
  /** HQ's promotions' points multiplier of each sold line, by line id (1× when absent). */
  multipliers: ReadonlyMap<string, number>;
}

type CategoryFacts = ReadonlyMap<string, EarnFacts>;

/** The member each sale names, as HQ holds them: their level, and the pool their cards use (a merged member's goes to whom they were merged into). */
async function membersOf(db: Db, chainId: string, ids: string[]): Promise<Map<string, { levelId: string; accountId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: members.id, levelId: members.levelId, accountId: members.accountId, mergedInto: members.mergedIntoMemberId }).from(members)
    .where(and(eq(members.chainId, chainId), inArray(members.id, ids)));
  const targets = [...new Set(rows.flatMap((r) => (r.mergedInto ? [r.mergedInto] : [])))];
  const merged = targets.length
    ? new Map((await db.select({ id: members.id, accountId: members.accountId }).from(members).where(and(eq(members.chainId, chainId), inArray(members.id, targets)))).map((m) => [m.id, m.accountId]))
    : new Map<string, string>();
  const holders = rows.map((r) => ({ id: r.id, levelId: r.levelId, accountId: (r.mergedInto && merged.get(r.mergedInto)) || r.accountId }));
  if (holders.length === 0) return new Map();
  // A member without a pool (never opened) earns nothing rather than failing the sale, which the customer has paid.
  const pools = new Set((await db.select({ id: memberAccounts.id }).from(memberAccounts)
    .where(and(eq(memberAccounts.chainId, chainId), inArray(memberAccounts.id, [...new Set(holders.map((h) => h.accountId))])))).map((a) => a.id));
  return new Map(holders.filter((h) => pools.has(h.accountId)).map((h) => [h.id, { levelId: h.levelId, accountId: h.accountId }]));
}

/**
 * The points each member's sale of the batch earns (see `earnPoints`): the lines' nets as the
 * customer paid them, the member's level as HQ holds it now, the chain's active rules on the
 * sale's business day, and HQ's promotion multipliers as of the sale's instant. A sale of no
 * member, of a member HQ does not know, or that earns nothing, has no earning.
 */
export async function pointsToEarn(db: Db, chainId: string, items: readonly SaleToEarn[], facts: CategoryFacts): Promise<Map<string, SaleEarning>> {
  const withMember = items.filter((i) => i.sale.pricing?.member && isUuid(i.sale.pricing.member.id));
  const found = new Map<string, SaleEarning>();
  if (withMember.length === 0) return found;
  const [rules, holders] = await Promise.all([
    activeEarnRules(db, chainId), membersOf(db, chainId, [...new Set(withMember.map((i) => i.sale.pricing!.member!.id))]),
  ]);
  for (const { sale, businessDate, multipliers } of withMember) {
    const memberId = sale.pricing!.member!.id;
    const holder = holders.get(memberId);
    if (!holder) continue;
    const { points } = saleEarning({ sale, facts, multipliers, memberLevelId: holder.levelId, businessDate, rules });
    if (points > 0) found.set(sale.id, { saleId: sale.id, accountId: holder.accountId, memberId, storeId: sale.storeId, deviceId: sale.deviceId, businessDate, points });
  }
  return found;
}

/**
 * Posts the earnings of the sales just written, in their transaction, pools in id order so two
 * batches never wait on each other's pools in a circle. A sale earns once: only sales the batch
 * inserted are given, and the ledger's unique index on the sale holds it besides.
 */
export async function postEarnings(tx: Db, chainId: string, earnings: readonly SaleEarning[], franchiseeId: string | null, at: Date): Promise<void> {
  const ordered = [...earnings].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : a.saleId < b.saleId ? -1 : 1));
  for (const e of ordered) {
    await postPoints(tx, chainId, e.accountId, e.points, {
      id: newId(() => at), kind: 'earn', memberId: e.memberId, storeId: e.storeId, franchiseeId, deviceId: e.deviceId, saleId: e.saleId,
    }, { at, earnedOn: e.businessDate });
  }
}

import type { MemberDetail } from '@pos/shared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { members } from '../pricing/pricing.tables';
import { sales } from '../sales/sales.tables';
import { activeCardNo, findMemberRecord } from './members.repo';
import { memberAccounts, memberCards } from './membership.tables';

const RECENT_SALES = 20;

/** A member of the caller's chain, or 404: a member of another chain is one that does not exist. */
export async function memberRow(db: Db, chainId: string, id: string) {
  const [row] = await db.select().from(members).where(and(eq(members.chainId, chainId), eq(members.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `no member ${id}`);
  return row;
}

/**
 * Everything the office's member page shows: the profile, the cards with their status, the
 * account the cards use (a child's is the parent's), the parent or the children with their
 * limits, and the member's last purchases in the stores the caller may see.
 */
export async function loadMemberDetail(db: Db, principal: Principal, id: string, now: Date): Promise<MemberDetail> {
  const { chainId } = principal;
  const record = await findMemberRecord(db, chainId, id);
  if (!record) throw new AppError('NOT_FOUND', `no member ${id}`);
  const row = await memberRow(db, chainId, id);
  const visibleStores = (await storesInScope(db, principal)).map((s) => s.id);
  const relatives = () => db.select({ id: members.id, name: members.name, cardNo: activeCardNo, childTxnLimitMinor: members.childTxnLimitMinor, childDayLimitMinor: members.childDayLimitMinor }).from(members);
  const [cards, [account], parents, children, recent] = await Promise.all([
    db.select().from(memberCards).where(and(eq(memberCards.chainId, chainId), eq(memberCards.memberId, id))).orderBy(asc(memberCards.issuedAt), asc(memberCards.id)),
    db.select().from(memberAccounts).where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, row.accountId))),
    row.parentMemberId ? relatives().where(and(eq(members.chainId, chainId), eq(members.id, row.parentMemberId))) : Promise.resolve([]),
    relatives().where(and(eq(members.chainId, chainId), eq(members.parentMemberId, id), eq(members.active, true))).orderBy(asc(members.name)),
    visibleStores.length === 0 ? Promise.resolve([]) : db.select({ id: sales.id, receiptNo: sales.receiptNo, storeId: sales.storeId, completedAt: sales.completedAt, totalMinor: sales.totalMinor, itemCount: sales.itemCount })
      .from(sales).where(and(eq(sales.chainId, chainId), eq(sales.memberId, id), inArray(sales.storeId, visibleStores))).orderBy(desc(sales.completedAt)).limit(RECENT_SALES),
  ]);
  if (!account) throw new Error(`member ${id} has no account ${row.accountId}`);
  return {
    ...record,
    gender: row.gender,
    consentToMessages: row.consentToMessages,
    tags: row.tags,
    paidUntil: row.paidUntil,
    mergedIntoMemberId: row.mergedIntoMemberId,
    cards: cards.map((c) => ({
      id: c.id, cardNo: c.cardNo, status: c.status, hasPin: c.pinHash !== null, pinLocked: c.pinLockedUntil !== null && c.pinLockedUntil > now,
      replacedByCardId: c.replacedByCardId, issuedAt: c.issuedAt.toISOString(), statusChangedAt: c.statusChangedAt.toISOString(),
    })),
    account: { id: account.id, holderMemberId: account.holderMemberId, balanceMinor: account.balanceMinor, bonusMinor: account.bonusMinor, points: account.points, receivableMinor: account.receivableMinor },
    parent: parents[0] ? { id: parents[0].id, name: parents[0].name, cardNo: parents[0].cardNo } : null,
    limits: { childTxnLimitMinor: row.childTxnLimitMinor, childDayLimitMinor: row.childDayLimitMinor },
    children: children.map((c) => ({ id: c.id, name: c.name, cardNo: c.cardNo, childTxnLimitMinor: c.childTxnLimitMinor, childDayLimitMinor: c.childDayLimitMinor })),
    recentSales: recent.map((s) => ({ ...s, completedAt: s.completedAt.toISOString() })),
  };
}

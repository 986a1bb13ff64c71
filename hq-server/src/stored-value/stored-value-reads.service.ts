import type { CardBalance, MemberStoredValue, StoredValueEntriesQuery, StoredValueEntry } from '@pos/shared';
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { memberAccounts, storedValueEntries } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { cardForMoney } from './card-for-money.repo';

const entryColumns = {
  id: storedValueEntries.id, kind: storedValueEntries.kind, amountMinor: storedValueEntries.amountMinor, bonusMinor: storedValueEntries.bonusMinor,
  balanceAfterMinor: storedValueEntries.balanceAfterMinor, memberId: storedValueEntries.memberId, storeId: storedValueEntries.storeId,
  paymentId: storedValueEntries.paymentId, documentId: storedValueEntries.documentId, reason: storedValueEntries.reason, approvedBy: storedValueEntries.approvedBy,
  createdAt: storedValueEntries.createdAt,
};

/**
 * A member's stored value as the office reads it: the account's balance, bonus part and
 * receivable, and a page of its ledger, newest first. HQ reads every entry; a region manager,
 * franchisee or store manager only the entries made in their stores (the balance is the
 * member's across the chain, so they see it whole).
 */
export async function readMemberStoredValue(db: Db, principal: OfficePrincipal, memberId: string, { limit, offset }: StoredValueEntriesQuery): Promise<MemberStoredValue> {
  const { chainId } = principal;
  const [account] = await db
    .select({ id: memberAccounts.id, balanceMinor: memberAccounts.balanceMinor, bonusMinor: memberAccounts.bonusMinor, receivableMinor: memberAccounts.receivableMinor })
    .from(members)
    .innerJoin(memberAccounts, and(eq(memberAccounts.chainId, members.chainId), eq(memberAccounts.id, members.accountId)))
    .where(and(eq(members.chainId, chainId), eq(members.id, memberId)));
  if (!account) throw new AppError('NOT_FOUND', 'no member of the chain has this id');
  let where: SQL | undefined = and(eq(storedValueEntries.chainId, chainId), eq(storedValueEntries.accountId, account.id));
  if (principal.role !== 'hq_admin') {
    const visible = (await storesInScope(db, principal)).map((s) => s.id);
    where = and(where, visible.length ? inArray(storedValueEntries.storeId, visible) : sql`false`);
  }
  const [rows, [counted]] = await Promise.all([
    db.select(entryColumns).from(storedValueEntries).where(where).orderBy(desc(storedValueEntries.createdAt), desc(storedValueEntries.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(storedValueEntries).where(where),
  ]);
  return {
    accountId: account.id, balanceMinor: account.balanceMinor, bonusMinor: account.bonusMinor, receivableMinor: account.receivableMinor,
    entries: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }) as StoredValueEntry),
    total: counted?.n ?? 0,
  } as MemberStoredValue;
}

/** A balance enquiry at the till (余额查询): what a usable card can pay, and whether it needs its PIN. */
export async function readCardBalance(db: Db, chainId: string, cardNo: string): Promise<CardBalance> {
  const { card, member, account } = await cardForMoney(db, chainId, cardNo);
  return {
    cardNo: card.cardNo, balanceMinor: account.balanceMinor, bonusMinor: account.bonusMinor, pinRequired: card.pinHash !== null,
    childTxnLimitMinor: member.parentMemberId === null ? null : member.childTxnLimitMinor,
    childDayLimitMinor: member.parentMemberId === null ? null : member.childDayLimitMinor,
  } as CardBalance;
}

import { maskCardNo, type StoredValueReceivable, type StoredValueReceivableList, type StoredValueReceivablesQuery } from '@pos/shared';
import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OfficePrincipal } from '../http/app-env';
import { storesInScope } from '../http/scope';
import { memberCards } from '../members/membership.tables';
import { stores } from '../org/org.tables';
import { members } from '../pricing/pricing.tables';
import { sales } from '../sales/sales.tables';
import { storedValueReceivables as r } from './stored-value.tables';

/**
 * The receivables of offline stored-value payments (应收储值) the office follows up, newest first:
 * the open ones or the settled ones. HQ sees the chain's; a region manager, franchisee or store
 * manager those of the sales in their stores.
 */
export async function listStoredValueReceivables(db: Db, principal: OfficePrincipal, { status, limit, offset }: StoredValueReceivablesQuery): Promise<StoredValueReceivableList> {
  const { chainId } = principal;
  let where: SQL | undefined = and(eq(r.chainId, chainId), status === 'open' ? isNull(r.settledAt) : isNotNull(r.settledAt));
  if (principal.role !== 'hq_admin') {
    const visible = (await storesInScope(db, principal)).map((s) => s.id);
    where = and(where, visible.length ? inArray(r.storeId, visible) : sql`false`);
  }
  const [rows, [counted]] = await Promise.all([
    db.select({
      id: r.id, accountId: r.accountId, memberId: members.id, memberName: members.name, cardNo: memberCards.cardNo,
      storeId: r.storeId, storeCode: stores.code, storeNameZh: stores.nameZh, storeNameEn: stores.nameEn, saleId: r.saleId, receiptNo: sales.receiptNo,
      paymentId: r.paymentId, amountMinor: r.amountMinor, settledMinor: r.settledMinor, createdAt: r.createdAt, settledAt: r.settledAt,
    })
      .from(r)
      .innerJoin(memberCards, and(eq(memberCards.chainId, r.chainId), eq(memberCards.id, r.cardId)))
      .innerJoin(members, and(eq(members.chainId, memberCards.chainId), eq(members.id, memberCards.memberId)))
      .innerJoin(stores, and(eq(stores.chainId, r.chainId), eq(stores.id, r.storeId)))
      .innerJoin(sales, and(eq(sales.chainId, r.chainId), eq(sales.id, r.saleId)))
      .where(where)
      .orderBy(desc(r.createdAt), desc(r.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(r).where(where),
  ]);
  return {
    items: rows.map(({ cardNo, createdAt, settledAt, ...row }) => ({
      ...row, cardNoMasked: maskCardNo(cardNo), createdAt: createdAt.toISOString(), settledAt: settledAt?.toISOString() ?? null,
    }) as StoredValueReceivable),
    total: counted?.n ?? 0,
  };
}

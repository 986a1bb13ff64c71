import type { ComposedLine, Figures, FranchiseStatement, SettlementPeriod, StatementTotals, StoreSales, StoreStoredValue } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { stores, users } from '../org/org.tables';
import type { FranchiseeTerms } from './work-out-statement';

/** What a statement shows, worked out (a preview or draft) or as stored (approved). */
export interface StatementContent {
  royaltyRateBp: number;
  sales: readonly StoreSales[];
  storedValue: readonly StoreStoredValue[];
  figures: Figures;
  lines: readonly (ComposedLine & { enteredByName?: string | null })[];
  totals: StatementTotals;
  netMinor: number;
}

export interface StatementHeader {
  id: string | null;
  no: string | null;
  status: FranchiseStatement['status'];
  franchisee: FranchiseeTerms;
  period: SettlementPeriod;
  createdAt: Date | null;
  createdBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
}

async function nameOf(db: Db, chainId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [user] = await db.select({ name: users.name }).from(users).where(and(eq(users.chainId, chainId), eq(users.id, userId)));
  return user?.name ?? null;
}

/** The statement as the wire carries it: every store it names by code and name, its rows by store code. */
export async function statementView(db: Db, chainId: string, header: StatementHeader, content: StatementContent): Promise<FranchiseStatement> {
  const ids = [...new Set([
    ...content.sales.map((s) => s.storeId), ...content.storedValue.map((s) => s.storeId),
    ...content.lines.flatMap((l) => [l.storeId, l.otherStoreId]).filter((id): id is string => id !== null),
  ])];
  const named = ids.length === 0 ? [] : await db.select({ id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn }).from(stores)
    .where(and(eq(stores.chainId, chainId), inArray(stores.id, ids))).orderBy(stores.code);
  const codeOf = new Map(named.map((s) => [s.id, s.code]));
  const byCode = (a: { storeId: string }, b: { storeId: string }) => (codeOf.get(a.storeId) ?? '').localeCompare(codeOf.get(b.storeId) ?? '');
  const { franchisee, period } = header;
  const [createdByName, approvedByName] = await Promise.all([nameOf(db, chainId, header.createdBy), nameOf(db, chainId, header.approvedBy)]);
  return {
    id: header.id, no: header.no, status: header.status,
    franchisee: { id: franchisee.id, code: franchisee.code, name: franchisee.name }, cycle: franchisee.cycle, period: { key: period.key, from: period.from, to: period.to },
    royaltyRateBp: content.royaltyRateBp, stores: named,
    sales: [...content.sales].sort((a, b) => byCode(a, b) || a.from.localeCompare(b.from)),
    storedValue: [...content.storedValue].sort(byCode),
    figures: content.figures,
    lines: content.lines.map((l) => ({
      id: l.enteredId, kind: l.kind, amountMinor: l.amountMinor, baseMinor: l.baseMinor, rateBp: l.rateBp, figure: l.figure, periodKey: l.periodKey,
      storeId: l.storeId, otherStoreId: l.otherStoreId, documentNo: l.documentNo, date: l.date, reason: l.reason, enteredByName: l.enteredByName ?? null,
    })),
    totals: content.totals, netMinor: content.netMinor,
    createdAt: header.createdAt?.toISOString() ?? null, createdByName, approvedAt: header.approvedAt?.toISOString() ?? null, approvedByName,
  };
}

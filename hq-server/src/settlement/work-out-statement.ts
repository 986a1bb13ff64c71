import {
  composeStatement, figuresOfPeriod, franchiseeSpans, noFigures, type ComposedStatement, type EnteredLine, type PeriodStoreSpan,
  type SettlementCycle, type SettlementPeriod, type StoreSales, type StoreStoredValue,
} from '@pos/shared';
import type { Db } from '../db/client';
import { franchiseeStoreHistory } from '../org/store-ownership.repo';
import { netSalesOfSpans } from '../reports/franchise-sales';
import { goodsOfSpans } from '../stock/franchise-goods';
import { storedValueOfPeriods } from '../stored-value/franchise-stored-value';
import { approvedBefore, fixedFigures } from './statements.repo';

export interface FranchiseeTerms {
  id: string;
  code: string;
  name: string;
  royaltyRateBp: number;
  cycle: SettlementCycle;
}

/** A statement worked out from the figures: what the pure `composeStatement` gives, and the rows by store it was made from. */
export interface WorkedStatement {
  composed: ComposedStatement;
  sales: StoreSales[];
  storedValue: StoreStoredValue[];
  /** The time zones of the stores the franchisee ran in the period: it has ended once it has in each. */
  timeZones: string[];
}

const inPeriod = <T extends { periodFrom: string }>(rows: readonly T[], from: string): T[] => rows.filter((r) => r.periodFrom === from);

/**
 * Works a franchisee's statement of a period out from what HQ holds now: the period's sources and,
 * for every period an approved statement covered before it, the same sources now beside what was
 * fixed, so what arrived late is billed here. A handful of statements whatever the number of
 * periods: each source is read once for every span of every period.
 */
export async function workOutStatement(db: Db, chainId: string, franchisee: FranchiseeTerms, period: SettlementPeriod, entered: readonly EnteredLine[], royaltyRateBp: number): Promise<WorkedStatement> {
  const history = await franchiseeStoreHistory(db, chainId, franchisee.id);
  const earlier = await approvedBefore(db, chainId, franchisee.id, period.from);
  const periods = [period, ...earlier];
  const spans: PeriodStoreSpan[] = periods.flatMap((p) => franchiseeSpans(franchisee.id, history.stores, history.changes, p).map((s) => ({ ...s, periodFrom: p.from })));
  const storeIds = history.stores.map((s) => s.storeId);
  const [sales, goods, storedValue, fixed] = await Promise.all([
    netSalesOfSpans(db, chainId, spans),
    goodsOfSpans(db, chainId, spans),
    storedValueOfPeriods(db, chainId, franchisee.id, storeIds, periods),
    fixedFigures(db, chainId, franchisee.id, earlier.map((e) => e.from)),
  ]);
  const sources = (from: string) => ({ sales: inPeriod(sales, from), goods: inPeriod(goods, from), storedValue: inPeriod(storedValue, from) });
  const current = sources(period.from);
  const composed = composeStatement({
    royaltyRateBp, ...current, entered,
    earlier: earlier.map((e) => ({ periodKey: e.key, from: e.from, royaltyRateBp: e.royaltyRateBp ?? 0, current: figuresOfPeriod(sources(e.from)), fixed: fixed.get(e.from) ?? noFigures() })),
  }, period.from);
  const owned = new Set(current.sales.map((s) => s.storeId));
  return {
    composed,
    sales: current.sales.map(({ storeId, from, to, netSalesMinor }) => ({ storeId, from, to, netSalesMinor })),
    storedValue: current.storedValue.map(({ periodFrom: _period, ...row }) => row),
    timeZones: [...new Set(history.stores.filter((s) => owned.has(s.storeId)).map((s) => s.timeZone))],
  };
}

import {
  ancestorsOf, categoryParents, CommissionExclusions, CommissionRule, PoolShareRule,
  type CommissionPlan, type CommissionReturnLine, type CommissionSaleLine, type DutyEntry, type LineClerkShare, type PeriodSpan, type RuleSubject,
} from '@pos/shared';
import { and, arrayOverlaps, asc, between, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { categories, products } from '../catalog/catalog.tables';
import { members } from '../pricing/pricing.tables';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { clerks } from '../org/org.tables';
import { commissionDuty, commissionPlans, commissionSettings, commissionTargets, counters } from './commission.tables';

/** What every store's run of a computation shares: the chain's plans, its products' facts, cost history, staff members and clerks' grades. */
export interface ChainCommissionData {
  readonly cycleStartDay: number;
  readonly plans: readonly CommissionPlan[];
  /** Each product's cost prices, oldest first, from when (ISO 8601 in UTC, as `toISOString` writes it) and in fen. */
  readonly costs: ReadonlyMap<string, readonly { readonly from: string; readonly amountMinor: number }[]>;
  readonly grades: ReadonlyMap<string, string | null>;
  /** Each product's category (with those above it, nearest first), brand and supplier, as the rules read them. */
  readonly products: ReadonlyMap<string, RuleSubject>;
  /** The tags of members carrying a tag some plan names as staff's; other members' tags do not matter. */
  readonly staffTags: ReadonlyMap<string, readonly string[]>;
}

export async function cycleStartDay(db: Db, chainId: string): Promise<number> {
  const [row] = await db.select({ day: commissionSettings.cycleStartDay }).from(commissionSettings).where(eq(commissionSettings.chainId, chainId));
  return row?.day ?? 1;
}

/** A plan row as the engine reads it; its JSON was checked by zod when it was saved, and is again here. */
export function planOfRow(row: typeof commissionPlans.$inferSelect): CommissionPlan {
  return {
    id: row.id, name: row.name, validFrom: row.validFrom, validTo: row.validTo,
    exclusions: CommissionExclusions.parse(row.exclusions), poolShare: PoolShareRule.parse(row.poolShare),
    gradeWeights: z.record(z.string(), z.number()).parse(row.gradeWeights), rules: z.array(CommissionRule).parse(row.rules),
  };
}

export async function loadPlans(db: Db, chainId: string): Promise<CommissionPlan[]> {
  const rows = await db.select().from(commissionPlans).where(eq(commissionPlans.chainId, chainId)).orderBy(asc(commissionPlans.validFrom));
  return rows.map(planOfRow);
}

export async function loadChainCommissionData(db: Db, chainId: string): Promise<ChainCommissionData> {
  const plans = await loadPlans(db, chainId);
  const staffTags = [...new Set(plans.flatMap((p) => p.exclusions.staffTags))];
  const [startDay, tree, productRows, memberRows, costRows, clerkRows] = await Promise.all([
    cycleStartDay(db, chainId),
    db.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.chainId, chainId)),
    db.select({ id: products.id, categoryId: products.categoryId, brandId: products.brandId, supplierId: products.supplierId }).from(products).where(eq(products.chainId, chainId)),
    staffTags.length === 0 ? Promise.resolve([]) : db.select({ id: members.id, tags: members.tags }).from(members).where(and(eq(members.chainId, chainId), arrayOverlaps(members.tags, staffTags))),
    query<{ product_id: string; from_ms: string; amount_minor: string }>(db, sql`
      select product_id, (extract(epoch from effective_from) * 1000)::bigint::text as from_ms, amount_minor::text
      from product_costs where chain_id = ${chainId} order by product_id, effective_from, entered_at`),
    db.select({ id: clerks.id, grade: clerks.commissionGrade }).from(clerks).where(eq(clerks.chainId, chainId)),
  ]);
  const costs = new Map<string, { from: string; amountMinor: number }[]>();
  for (const r of costRows) {
    const list = costs.get(r.product_id) ?? [];
    list.push({ from: new Date(Number(r.from_ms)).toISOString(), amountMinor: Number(r.amount_minor) });
    costs.set(r.product_id, list);
  }
  const parents = categoryParents(tree);
  const subjects = new Map(productRows.map((p) => [p.id, {
    productId: p.id, categoryIds: p.categoryId ? [p.categoryId, ...ancestorsOf(parents, p.categoryId)] : [], brandId: p.brandId, supplierId: p.supplierId,
  }]));
  return {
    cycleStartDay: startDay, plans, costs, grades: new Map(clerkRows.map((c) => [c.id, c.grade])), products: subjects,
    staffTags: new Map(memberRows.map((m) => [m.id, m.tags])),
  };
}

/** The cost price of a product at an instant (ISO 8601 in UTC: they compare as text): the last one in force then, or null before the first. */
function costAt(history: readonly { from: string; amountMinor: number }[] | undefined, at: string): number | null {
  if (!history) return null;
  let low = 0;
  let high = history.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (history[mid]!.from <= at) {
      found = history[mid]!.amountMinor;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The pool a line pays at a store, from its category and those above it (nearest first): the counter selling the nearest of them, else the store's own. */
export async function poolOfCategory(db: Db, chainId: string, storeId: string): Promise<(categoryIds: readonly string[]) => string> {
  const rows = await db.select({ id: counters.id, categoryIds: counters.categoryIds }).from(counters)
    .where(and(eq(counters.chainId, chainId), eq(counters.storeId, storeId), eq(counters.active, true))).orderBy(asc(counters.code));
  const byCategory = new Map<string, string>();
  for (const c of rows) for (const category of c.categoryIds) if (!byCategory.has(category)) byCategory.set(category, c.id);
  return (categoryIds) => {
    for (const id of categoryIds) {
      const counter = byCategory.get(id);
      if (counter) return counter;
    }
    return storeId;
  };
}

/** Which documents of a span a run reads: all of them, or only those HQ received in a window (a closed period's, or its late arrivals), or only some lines. */
export interface Received {
  readonly after?: Date | null;
  readonly upTo?: Date | null;
  readonly lineIds?: readonly string[];
}


const receivedWithin = (column: SQL, received: Received) => sql`${received.after ? sql`and ${column} > ${received.after.toISOString()}::timestamptz` : sql``}
  ${received.upTo ? sql`and ${column} <= ${received.upTo.toISOString()}::timestamptz` : sql``}`;

const onlyLines = (column: SQL, received: Received) => (received.lineIds ? sql`and ${column} = any(${uuidArray(received.lineIds)}::uuid[])` : sql``);

const noSubject = (productId: string): RuleSubject => ({ productId, categoryIds: [], brandId: null, supplierId: null });
const noTags: readonly string[] = [];
const noShares: readonly LineClerkShare[] = [];

/**
 * The sale lines of a store over a span of business days, with what commission reads of each, in
 * the order they were completed: one index range of `commission_lines`, answered as one text of a
 * line per sale line, fields apart by spaces (uuids, numbers and dates hold none). Parsing every
 * value of tens of thousands of rows cost the HQ process several times the whole computation.
 */
export async function saleLinesOf(
  db: Db, chainId: string, storeId: string, span: Pick<PeriodSpan, 'from' | 'to'>, received: Received, chain: ChainCommissionData, poolOf: (categoryIds: readonly string[]) => string,
): Promise<(CommissionSaleLine & { receivedMs: number })[]> {
  const [row] = await query<{ lines: string | null }>(db, sql`
    select string_agg(concat_ws(' ', line_id, sale_id, line_no, to_char(business_date, 'YYYY-MM-DD'), to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                (extract(epoch from received_at) * 1000)::bigint, product_id, quantity, net_minor, discounted::int, gift::int,
                                coalesce(member_id::text, '-'), coalesce(nullif(array_to_string(clerk_ids, ','), ''), '-'), coalesce(nullif(array_to_string(share_bps, ','), ''), '-')),
                      E'\n' order by business_date, completed_at, sale_id, line_no) as lines
    from commission_lines
    where chain_id = ${chainId} and store_id = ${storeId} and business_date between ${span.from} and ${span.to} ${receivedWithin(sql`received_at`, received)} ${onlyLines(sql`line_id`, received)}`);
  if (!row?.lines) return [];
  // A store's month repeats a few dozen clerk splits and a few thousand products over tens of thousands of lines: each
  // split's shares and each product's subject and pool are made once and shared by its lines.
  const splits = new Map<string, readonly LineClerkShare[]>();
  const sharesOf = (clerkIds: string, shareBps: string): readonly LineClerkShare[] => {
    if (clerkIds === '-') return noShares;
    const key = `${clerkIds} ${shareBps}`;
    let shares = splits.get(key);
    if (!shares) {
      const bps = shareBps.split(',');
      splits.set(key, (shares = clerkIds.split(',').map((clerkId, i): LineClerkShare => ({ clerkId, shareBp: Number(bps[i]) }))));
    }
    return shares;
  };
  const placed = new Map<string, { subject: RuleSubject; poolId: string }>();
  const placeOf = (productId: string) => {
    let place = placed.get(productId);
    if (!place) {
      const subject = chain.products.get(productId) ?? noSubject(productId);
      placed.set(productId, (place = { subject, poolId: poolOf(subject.categoryIds) }));
    }
    return place;
  };
  return row.lines.split('\n').map((text) => {
    const [lineId, saleId, lineNo, businessDate, completedAt, receivedMs, productId, quantity, netMinor, discounted, gift, memberId, clerkIds, shareBps] = text.split(' ') as [
      string, string, string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    const { subject, poolId } = placeOf(productId);
    return {
      saleId, lineId, lineNo: Number(lineNo), businessDate, completedAt, receivedMs: Number(receivedMs),
      subject, quantity: Number(quantity), netMinor: Number(netMinor), unitCostMinor: costAt(chain.costs.get(productId), completedAt),
      gift: gift === '1', discounted: discounted === '1', memberTags: (memberId !== '-' && chain.staffTags.get(memberId)) || noTags, poolId,
      shares: sharesOf(clerkIds, shareBps),
    };
  });
}

export interface ReturnRow {
  return_id: string;
  return_line_id: string;
  business_date: string;
  completed_at: string;
  sale_line_id: string;
  quantity: number;
  amount_minor: string;
  sale_date: string;
}

/** Lines coming back over a span of business days that return lines a store sold (wherever they came back), in the order they were completed. */
export function returnLinesOf(db: Db, chainId: string, storeId: string, span: Pick<PeriodSpan, 'from' | 'to'>, received: Received): Promise<ReturnRow[]> {
  return query<ReturnRow>(db, sql`
    select r.id as return_id, rl.id as return_line_id, r.business_date::text as business_date,
           to_char(r.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as completed_at,
           rl.sale_line_id, rl.quantity, rl.amount_minor::text, os.business_date::text as sale_date
    from returns r
    join return_lines rl on rl.chain_id = r.chain_id and rl.return_id = r.id and rl.direction = 'back' and rl.sale_line_id is not null
    join sales os on os.chain_id = r.chain_id and os.id = r.original_sale_id
    where r.chain_id = ${chainId} and r.original_store_id = ${storeId} and r.business_date between ${span.from} and ${span.to} ${receivedWithin(sql`r.received_at`, received)}
    order by r.completed_at, r.id, rl.id`);
}

export const returnLineOf = (r: ReturnRow, earlier: CommissionReturnLine['earlier']): CommissionReturnLine => ({
  returnId: r.return_id, returnLineId: r.return_line_id, businessDate: r.business_date, completedAt: r.completed_at,
  saleLineId: r.sale_line_id, quantity: r.quantity, amountMinor: Number(r.amount_minor), earlier,
});

/** Quantity of each sale line returned on business days before `before`. */
export async function returnedBefore(db: Db, chainId: string, saleLineIds: readonly string[], before: string): Promise<Map<string, number>> {
  if (saleLineIds.length === 0) return new Map();
  const rows = await query<{ sale_line_id: string; quantity: string }>(db, sql`
    select rl.sale_line_id, sum(rl.quantity)::text as quantity
    from return_lines rl join returns r on r.chain_id = rl.chain_id and r.id = rl.return_id
    where rl.chain_id = ${chainId} and rl.direction = 'back' and rl.sale_line_id = any(${uuidArray(saleLineIds)}::uuid[]) and r.business_date < ${before}
    group by rl.sale_line_id`);
  return new Map(rows.map((r) => [r.sale_line_id, Number(r.quantity)]));
}

export async function dutyOf(db: Db, chainId: string, storeId: string, span: Pick<PeriodSpan, 'from' | 'to'>): Promise<DutyEntry[]> {
  return db.select({ poolId: commissionDuty.poolId, clerkId: commissionDuty.clerkId, date: commissionDuty.date, minutes: commissionDuty.minutes }).from(commissionDuty)
    .where(and(eq(commissionDuty.chainId, chainId), eq(commissionDuty.storeId, storeId), between(commissionDuty.date, span.from, span.to)));
}

export async function targetsOf(db: Db, chainId: string, storeId: string, periodKey: string): Promise<{ clerks: Map<string, number>; pools: Map<string, number> }> {
  const rows = await db.select().from(commissionTargets).where(and(eq(commissionTargets.chainId, chainId), eq(commissionTargets.storeId, storeId), eq(commissionTargets.periodKey, periodKey)));
  return {
    clerks: new Map(rows.filter((r) => r.kind === 'clerk').map((r) => [r.subjectId, r.amountMinor])),
    pools: new Map(rows.filter((r) => r.kind === 'pool').map((r) => [r.subjectId, r.amountMinor])),
  };
}


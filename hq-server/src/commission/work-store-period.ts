import {
  beneficiaryKey, commissionExclusion, computeCommission, periodByKey, periodOf, planOn,
  type Beneficiary, type CommissionOutcome, type CommissionReturnLine, type CommissionSaleLine, type EarlierLine, type PeriodSpan,
} from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { commissionStorePeriods } from './commission.tables';
import {
  dutyOf, poolOfCategory, returnedBefore, returnLineOf, returnLinesOf, saleLinesOf, targetsOf,
  type ChainCommissionData, type Received, type ReturnRow,
} from './commission-inputs';

/** The month's sales of each clerk and pool as the tiers measure them, as stored when a period closes. */
export interface Measures {
  clerks: Record<string, number>;
  pools: Record<string, number>;
}

/** A store's period as HQ last worked it out: closed (and when), and where its month's sales ended. */
export interface StorePeriodState {
  readonly periodKey: string;
  readonly closedAt: Date | null;
  readonly measures: Measures;
}

export async function storePeriodStates(db: Db, chainId: string, storeId: string): Promise<Map<string, StorePeriodState>> {
  const rows = await db.select({ periodKey: commissionStorePeriods.periodKey, closedAt: commissionStorePeriods.closedAt, measures: commissionStorePeriods.measures })
    .from(commissionStorePeriods).where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.storeId, storeId)));
  return new Map(rows.map((r) => [r.periodKey, { periodKey: r.periodKey, closedAt: r.closedAt, measures: r.measures as Measures }]));
}

/** A store's commission for a period: its own sales and returns, and the sales of closed periods that arrived after they closed and land in it. */
export interface StoreRun {
  readonly span: PeriodSpan;
  readonly main: CommissionOutcome;
  readonly late: readonly { readonly origin: string; readonly outcome: CommissionOutcome }[];
}

const toMap = (record: Record<string, number>) => new Map(Object.entries(record));
const nextKey = (key: string, startDay: number) => periodOf(nextDay(periodByKey(key, startDay).to), startDay).key;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The period a document of closed period `origin` lands in when HQ received it at `receivedMs`:
 * the first period after it that was still open then.
 */
function landingPeriod(origin: string, receivedMs: number, states: ReadonlyMap<string, StorePeriodState>, startDay: number, limit: string): string {
  let key = nextKey(origin, startDay);
  while (key < limit) {
    const closedAt = states.get(key)?.closedAt;
    if (!closedAt || closedAt.getTime() > receivedMs) return key;
    key = nextKey(key, startDay);
  }
  return key;
}

interface RunContext {
  readonly db: Db;
  readonly chainId: string;
  readonly storeId: string;
  readonly chain: ChainCommissionData;
  readonly poolOf: (categoryIds: readonly string[]) => string;
  readonly states: ReadonlyMap<string, StorePeriodState>;
}

/** What a line sold before a run looks like to a return of it: its shares and pool, and whether it counted toward its month. */
async function earlierShapes(ctx: RunContext, rows: readonly ReturnRow[]): Promise<Map<string, CommissionSaleLine>> {
  const byPeriod = new Map<string, string[]>();
  for (const r of rows) {
    const key = periodOf(r.sale_date, ctx.chain.cycleStartDay).key;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), r.sale_line_id]);
  }
  const found = new Map<string, CommissionSaleLine>();
  for (const [key, ids] of byPeriod) {
    for (const line of await saleLinesOf(ctx.db, ctx.chainId, ctx.storeId, periodByKey(key, ctx.chain.cycleStartDay), { lineIds: ids }, ctx.chain, ctx.poolOf)) found.set(line.lineId, line);
  }
  return found;
}

const shapeOf = (line: CommissionSaleLine, chain: ChainCommissionData): Omit<EarlierLine, 'returnedBefore' | 'paid'> => ({
  quantity: line.quantity, netMinor: line.netMinor, poolId: line.poolId, shares: line.shares,
  counted: commissionExclusion(planOn(chain.plans, line.businessDate), line) === null,
});

/**
 * A period's own run of a store: its lines, and its returns with the shapes of the lines they
 * return from earlier periods, and what those paid (`paidOf`; none when a period is only worked
 * again for what its own lines paid).
 */
async function ownRun(
  ctx: RunContext, span: PeriodSpan, received: Received, paidOf: ((rows: readonly ReturnRow[]) => Promise<Map<string, EarlierLine['paid']>>) | null,
): Promise<CommissionOutcome> {
  const [lines, backRows, duty, targets] = await Promise.all([
    saleLinesOf(ctx.db, ctx.chainId, ctx.storeId, span, received, ctx.chain, ctx.poolOf),
    returnLinesOf(ctx.db, ctx.chainId, ctx.storeId, span, received),
    dutyOf(ctx.db, ctx.chainId, ctx.storeId, span),
    targetsOf(ctx.db, ctx.chainId, ctx.storeId, span.key),
  ]);
  const inRun = new Set(lines.map((l) => l.lineId));
  const fromBefore = backRows.filter((r) => !inRun.has(r.sale_line_id) && r.sale_date < span.from);
  const [shapes, before, paid] = await Promise.all([
    earlierShapes(ctx, fromBefore), returnedBefore(ctx.db, ctx.chainId, fromBefore.map((r) => r.sale_line_id), span.from), paidOf ? paidOf(fromBefore) : new Map<string, EarlierLine['paid']>(),
  ]);
  const returns: CommissionReturnLine[] = [];
  for (const r of backRows) {
    if (inRun.has(r.sale_line_id)) returns.push(returnLineOf(r, null));
    else {
      const shape = shapes.get(r.sale_line_id);
      if (shape) returns.push(returnLineOf(r, { ...shapeOf(shape, ctx.chain), returnedBefore: before.get(r.sale_line_id) ?? 0, paid: paid.get(r.sale_line_id) ?? [] }));
    }
  }
  return computeCommission({ plans: ctx.chain.plans, grades: ctx.chain.grades, lines, returns, targets, duty });
}

/** What lines of earlier periods paid, each period worked again as it stood (as it closed, for a closed one). */
async function paidBefore(ctx: RunContext, rows: readonly ReturnRow[]): Promise<Map<string, EarlierLine['paid']>> {
  const periods = new Set(rows.map((r) => periodOf(r.sale_date, ctx.chain.cycleStartDay).key));
  const paid = new Map<string, EarlierLine['paid']>();
  for (const key of periods) {
    const earlier = periodByKey(key, ctx.chain.cycleStartDay);
    const outcome = await ownRun(ctx, earlier, { upTo: ctx.states.get(key)?.closedAt ?? null }, null);
    for (const line of outcome.lines) paid.set(line.lineId, [...(paid.get(line.lineId) ?? []), { beneficiary: line.beneficiary, amountMinor: line.amountMinor }]);
  }
  return paid;
}

/**
 * Works out a store's commission for the period `periodKey` from the sales ledger (as it stood
 * when the period closed, for a closed one): the period's sales and returns (a return of a line
 * sold in an earlier period takes back what that line paid there), and the sales of closed
 * periods HQ received after they closed, paid from where their month ended.
 */
export async function workStorePeriod(db: Db, chainId: string, storeId: string, chain: ChainCommissionData, periodKey: string, states: ReadonlyMap<string, StorePeriodState>): Promise<StoreRun> {
  const span = periodByKey(periodKey, chain.cycleStartDay);
  const ctx: RunContext = { db, chainId, storeId, chain, poolOf: await poolOfCategory(db, chainId, storeId), states };
  const upTo = states.get(periodKey)?.closedAt ?? null;
  const main = await ownRun(ctx, span, { upTo }, (rows) => paidBefore(ctx, rows));

  const late: { origin: string; outcome: CommissionOutcome }[] = [];
  const closedBefore = [...states.values()].filter((s) => s.closedAt !== null && s.periodKey < periodKey).sort((a, b) => (a.periodKey < b.periodKey ? -1 : 1));
  for (const origin of closedBefore) {
    const originSpan = periodByKey(origin.periodKey, chain.cycleStartDay);
    const arrived = await saleLinesOf(db, chainId, storeId, originSpan, { after: origin.closedAt, upTo }, chain, ctx.poolOf);
    const lines = arrived.filter((l) => landingPeriod(origin.periodKey, l.receivedMs, states, chain.cycleStartDay, periodKey) === periodKey);
    if (lines.length === 0) continue;
    const [duty, targets] = await Promise.all([dutyOf(db, chainId, storeId, originSpan), targetsOf(db, chainId, storeId, origin.periodKey)]);
    const outcome = computeCommission({
      plans: chain.plans, grades: chain.grades, lines, returns: [], targets, duty,
      startMeasures: { clerks: toMap(origin.measures.clerks), pools: toMap(origin.measures.pools) },
    });
    late.push({ origin: origin.periodKey, outcome });
  }
  return { span, main, late };
}

/** A row of a store's figures for a period: what one beneficiary got of one kind. */
export interface ResultRow {
  beneficiary: Beneficiary;
  kind: 'sales' | 'clawback' | 'late_sale' | 'pool_share' | 'pool_total' | 'unassigned' | 'adjustment';
  originPeriod: string;
  baseMinor: number;
  amountMinor: number;
  lines: number;
}

/** A store's run summed per beneficiary and kind: the figures a statement shows and a close fixes. */
export function resultRowsOf(run: StoreRun, adjustments: readonly { beneficiary: Beneficiary; amountMinor: number; originPeriod: string }[]): ResultRow[] {
  // Rows by kind and origin, then by beneficiary: a run adds tens of thousands of entries to a few hundred rows.
  const groups = new Map<string, Map<string, ResultRow>>();
  const keys = new Map<Beneficiary, string>();
  const groupOf = (kind: ResultRow['kind'], originPeriod: string) => {
    const key = `${kind}|${originPeriod}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    return group;
  };
  const add = (group: Map<string, ResultRow>, beneficiary: Beneficiary, kind: ResultRow['kind'], originPeriod: string, baseMinor: number, amountMinor: number) => {
    let key = keys.get(beneficiary);
    if (key === undefined) keys.set(beneficiary, (key = beneficiaryKey(beneficiary)));
    let row = group.get(key);
    if (!row) group.set(key, (row = { beneficiary, kind, originPeriod, baseMinor: 0, amountMinor: 0, lines: 0 }));
    row.baseMinor += baseMinor;
    row.amountMinor += amountMinor;
    row.lines += 1;
  };
  const addOutcome = (outcome: CommissionOutcome, origin: string) => {
    const sales = groupOf(origin ? 'late_sale' : 'sales', origin);
    const poolTotals = groupOf('pool_total', origin);
    for (const l of outcome.lines) {
      if (l.beneficiary.kind === 'clerk') add(sales, l.beneficiary, origin ? 'late_sale' : 'sales', origin, l.netMinor, l.amountMinor);
      else add(poolTotals, l.beneficiary, 'pool_total', origin, l.netMinor, l.amountMinor);
    }
    for (const c of outcome.clawbacks) add(groupOf('clawback', origin), c.beneficiary, 'clawback', origin, 0, c.amountMinor);
    for (const day of outcome.poolDays) {
      for (const part of day.parts) add(groupOf('pool_share', origin), { kind: 'clerk', id: part.clerkId }, 'pool_share', origin, 0, part.amountMinor);
      if (day.unassignedMinor !== 0) add(groupOf('unassigned', origin), { kind: 'pool', id: day.poolId }, 'unassigned', origin, 0, day.unassignedMinor);
    }
  };
  addOutcome(run.main, '');
  for (const l of run.late) addOutcome(l.outcome, l.origin);
  for (const a of adjustments) add(groupOf('adjustment', a.originPeriod), a.beneficiary, 'adjustment', a.originPeriod, 0, a.amountMinor);
  const order = (r: ResultRow) => `${beneficiaryKey(r.beneficiary)}|${r.kind}|${r.originPeriod}`;
  return [...groups.values()].flatMap((g) => [...g.values()]).sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

import { periodsToCompare, type ClerkStatement, type CommissionWhy, type LineCommission } from '@pos/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { commissionAdjustments, commissionResults, commissionStorePeriods, commissionTargets } from './commission.tables';
import { loadChainCommissionData } from './commission-inputs';
import { figuresOf } from './commission-overview.service';
import { storePeriodStates, workStorePeriod, type Measures } from './work-store-period';

/** The engine's explanation in the wire shape: the same, with arrays of its own. */
const whyView = (why: CommissionWhy): ClerkStatement['lines'][number]['why'] =>
  why.excluded === null ? { ...why, matchedOn: [...why.matchedOn], tiers: why.tiers?.map((t) => ({ ...t })) ?? null } : { excluded: why.excluded };

interface LineFacts { receiptNo: string; nameZh: string; nameEn: string }

async function lineFacts(db: Db, chainId: string, lineIds: readonly string[]): Promise<Map<string, LineFacts>> {
  if (lineIds.length === 0) return new Map();
  const rows = await query<{ id: string; receipt_no: string; name_zh: string; name_en: string }>(db, sql`
    select l.id, s.receipt_no, l.name_zh, l.name_en from sale_lines l join sales s on s.chain_id = l.chain_id and s.id = l.sale_id
    where l.chain_id = ${chainId} and l.id = any(${uuidArray(lineIds)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, { receiptNo: r.receipt_no, nameZh: r.name_zh, nameEn: r.name_en }]));
}

/** A clerk's sales (as the tiers measure them) and commission in another period, where that period was worked out. */
export async function periodFigures(db: Db, chainId: string, storeId: string, clerkId: string, key: string): Promise<{ key: string; salesMinor: number; totalMinor: number } | null> {
  const [state] = await db.select({ measures: commissionStorePeriods.measures }).from(commissionStorePeriods)
    .where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, key), eq(commissionStorePeriods.storeId, storeId)));
  if (!state) return null;
  const rows = await db.select({ amountMinor: commissionResults.amountMinor }).from(commissionResults)
    .where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, key), eq(commissionResults.beneficiaryKind, 'clerk'), eq(commissionResults.beneficiaryId, clerkId)));
  return { key, salesMinor: (state.measures as Measures).clerks[clerkId] ?? 0, totalMinor: rows.reduce((n, r) => n + r.amountMinor, 0) };
}

/**
 * A clerk's statement for a period (营业员结算单), worked out again line by line from the sales
 * ledger by the same path as the period's figures (as the period closed, for a closed one), so
 * every line says which rule paid it and why. The clerk's store must be in the caller's scope.
 */
export async function clerkStatement(db: Db, principal: Principal, periodKey: string, clerkId: string): Promise<ClerkStatement> {
  const chainId = principal.chainId;
  const [clerk] = await db.select({ id: clerks.id, code: clerks.code, name: clerks.name, grade: clerks.commissionGrade, storeId: clerks.storeId })
    .from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.id, clerkId)));
  if (!clerk?.storeId) throw new AppError('NOT_FOUND', 'no such clerk');
  await storeInScope(db, principal, clerk.storeId);
  const storeId = clerk.storeId;

  const chain = await loadChainCommissionData(db, chainId);
  const states = await storePeriodStates(db, chainId, storeId);
  const run = await workStorePeriod(db, chainId, storeId, chain, periodKey, states);
  const mine = (lines: readonly LineCommission[]) => lines.filter((l) => l.clerkId === clerk.id);
  const lines = mine(run.main.lines);
  const late = run.late.flatMap((l) => mine(l.outcome.lines).map((line) => ({ line, originPeriod: l.origin })));
  const clawbacks = run.main.clawbacks.filter((c) => c.beneficiary.kind === 'clerk' && c.beneficiary.id === clerk.id);

  const [facts, returnRows, results, adjustments, target] = await Promise.all([
    lineFacts(db, chainId, [...lines.map((l) => l.lineId), ...late.map((l) => l.line.lineId), ...clawbacks.map((c) => c.saleLineId)]),
    clawbacks.length
      ? query<{ id: string; return_no: string }>(db, sql`select id, return_no from returns where chain_id = ${chainId} and id = any(${uuidArray([...new Set(clawbacks.map((c) => c.returnId))])}::uuid[])`)
      : Promise.resolve([]),
    db.select().from(commissionResults).where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, periodKey), eq(commissionResults.beneficiaryKind, 'clerk'), eq(commissionResults.beneficiaryId, clerk.id))),
    db.select().from(commissionAdjustments).where(and(eq(commissionAdjustments.chainId, chainId), eq(commissionAdjustments.periodKey, periodKey), eq(commissionAdjustments.beneficiaryKind, 'clerk'), eq(commissionAdjustments.beneficiaryId, clerk.id)))
      .orderBy(asc(commissionAdjustments.createdAt)),
    db.select({ amountMinor: commissionTargets.amountMinor }).from(commissionTargets)
      .where(and(eq(commissionTargets.chainId, chainId), eq(commissionTargets.periodKey, periodKey), eq(commissionTargets.kind, 'clerk'), eq(commissionTargets.subjectId, clerk.id))),
  ]);
  const returnNo = new Map(returnRows.map((r) => [r.id, r.return_no]));
  const fact = (lineId: string): LineFacts => facts.get(lineId) ?? { receiptNo: '', nameZh: '', nameEn: '' };
  const view = (l: LineCommission) => ({
    saleId: l.saleId, lineId: l.lineId, ...fact(l.lineId), businessDate: l.businessDate, shareBp: l.shareBp, netMinor: l.netMinor, baseMinor: l.baseMinor, amountMinor: l.amountMinor,
    paidTo: l.beneficiary.kind, why: whyView(l.why),
  });
  const salesMinor = run.main.measures.clerks.get(clerk.id) ?? 0;
  const targetMinor = target[0]?.amountMinor ?? null;
  const compare = periodsToCompare(periodKey);
  const [previous, lastYear] = await Promise.all([
    periodFigures(db, chainId, storeId, clerk.id, compare.previous),
    periodFigures(db, chainId, storeId, clerk.id, compare.lastYear),
  ]);

  return {
    period: run.span,
    clerk: { id: clerk.id, code: clerk.code, name: clerk.name, grade: clerk.grade, storeId },
    status: states.get(periodKey)?.closedAt ? 'closed' : 'open',
    figures: figuresOf(results, salesMinor),
    target: { amountMinor: targetMinor, reachedBp: targetMinor ? Math.floor((salesMinor * 10_000) / targetMinor) : null },
    lines: lines.map(view),
    clawbacks: clawbacks.map((c) => ({ returnId: c.returnId, returnNo: returnNo.get(c.returnId) ?? '', businessDate: c.businessDate, saleLineId: c.saleLineId, nameZh: fact(c.saleLineId).nameZh, nameEn: fact(c.saleLineId).nameEn, amountMinor: c.amountMinor })),
    late: late.map(({ line, originPeriod }) => ({ ...view(line), originPeriod })),
    poolShares: [...run.main.poolDays, ...run.late.flatMap((l) => l.outcome.poolDays)].flatMap((day) => day.parts.filter((p) => p.clerkId === clerk.id).map((p) => ({
      poolId: day.poolId, date: day.date, poolAmountMinor: day.amountMinor, weight: p.weight, amountMinor: p.amountMinor,
    }))),
    adjustments: adjustments.map((a) => ({ id: a.id, amountMinor: a.amountMinor, reason: a.reason, originPeriod: a.originPeriod, createdAt: a.createdAt.toISOString() })),
    compare: { previous, lastYear },
  };
}

import {
  businessDate, settlementPeriod, type DraftStatementBody, type FranchiseStatement, type SettlementPeriod, type StatementLineBody, type StatementPeriodQuery,
} from '@pos/shared';
import { and, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { newId } from '../ids';
import { chains, franchisees } from '../org/org.tables';
import { nextNo } from '../stock/document-numbers';
import { franchiseStatementLines as lines, franchiseStatements as statements } from './settlement.tables';
import { enteredOf, findStatement, storedLines, type StatementRow } from './statements.repo';
import { readApproved, writeApproved } from './approved-statements.repo';
import { statementView, type StatementHeader } from './statement-view';
import { workOutStatement, type FranchiseeTerms } from './work-out-statement';

async function franchiseeTerms(db: Db, chainId: string, id: string, forUpdate = false): Promise<FranchiseeTerms> {
  const select = db.select({ id: franchisees.id, code: franchisees.code, name: franchisees.name, royaltyRateBp: franchisees.royaltyRateBp, cycle: franchisees.settlementCycle })
    .from(franchisees).where(and(eq(franchisees.chainId, chainId), eq(franchisees.id, id)));
  const [row] = await (forUpdate ? select.for('update') : select);
  if (!row) throw new AppError('NOT_FOUND', 'no such franchisee');
  return row;
}

function periodOf(terms: FranchiseeTerms, key: string): SettlementPeriod {
  try {
    return settlementPeriod(terms.cycle, key);
  } catch {
    const example = terms.cycle === 'monthly' ? '2026-11' : '2026-Q4';
    throw new AppError('VALIDATION_FAILED', `the franchisee settles ${terms.cycle}: name a period like ${example}`, [{ path: 'period', message: `must be a ${terms.cycle} period such as ${example}` }]);
  }
}

const headerOf = (row: StatementRow, terms: FranchiseeTerms): StatementHeader => ({
  id: row.id, no: row.no, status: row.status, franchisee: terms, period: { key: row.periodKey, from: row.periodFrom, to: row.periodTo },
  createdAt: row.createdAt, createdBy: row.createdBy, approvedAt: row.approvedAt, approvedBy: row.approvedBy,
});

/** A statement worked out from the figures now: a preview (no row) or a draft with its fees and adjustments. */
async function workedView(db: Db, chainId: string, header: StatementHeader, row: StatementRow | null): Promise<FranchiseStatement> {
  const stored = row ? await storedLines(db, chainId, row.id) : [];
  const { franchisee } = header;
  const worked = await workOutStatement(db, chainId, franchisee, header.period, enteredOf(stored), franchisee.royaltyRateBp);
  const byId = new Map(stored.map((l) => [l.enteredId, l.enteredByName]));
  const { composed } = worked;
  return statementView(db, chainId, header, {
    royaltyRateBp: franchisee.royaltyRateBp, sales: worked.sales, storedValue: worked.storedValue, figures: composed.figures, totals: composed.totals, netMinor: composed.netMinor,
    lines: composed.lines.map((l) => ({ ...l, enteredByName: l.enteredId ? (byId.get(l.enteredId) ?? null) : null })),
  });
}

/** A statement the caller may read: HQ any; a franchisee their own once approved (a draft is HQ's working copy); 404 otherwise. */
async function readableStatement(db: Db, principal: Principal, id: string): Promise<StatementRow> {
  const office = officePrincipal(principal);
  if (office.role !== 'hq_admin' && office.role !== 'franchisee') throw new AppError('FORBIDDEN', 'only HQ and franchisees read franchise statements');
  const row = await findStatement(db, office.chainId, id);
  const visible = row && (office.role === 'hq_admin' || (row.franchiseeId === office.franchiseeId && row.status === 'approved'));
  if (!visible) throw new AppError('NOT_FOUND', 'no such statement');
  return row;
}

export async function readStatement({ db }: Pick<Deps, 'db'>, principal: Principal, id: string): Promise<FranchiseStatement> {
  const row = await readableStatement(db, principal, id);
  const terms = await franchiseeTerms(db, row.chainId, row.franchiseeId);
  if (row.status === 'draft') return workedView(db, row.chainId, headerOf(row, terms), row);
  return statementView(db, row.chainId, headerOf(row, terms), await readApproved(db, row));
}

/** What a draft for the franchisee and period would be now, saving nothing (HQ). */
export async function previewStatement({ db }: Pick<Deps, 'db'>, principal: OfficePrincipal, query: StatementPeriodQuery): Promise<FranchiseStatement> {
  const terms = await franchiseeTerms(db, principal.chainId, query.franchiseeId);
  const header: StatementHeader = { id: null, no: null, status: 'preview', franchisee: terms, period: periodOf(terms, query.period), createdAt: null, createdBy: null, approvedAt: null, approvedBy: null };
  return workedView(db, principal.chainId, header, null);
}

/** Saves a draft for the franchisee and period (HQ); refused when a statement of theirs already covers any of its days. */
export async function draftStatement(deps: Deps, principal: OfficePrincipal, body: DraftStatementBody): Promise<FranchiseStatement> {
  const { db, clock } = deps;
  const id = newId(clock);
  await db.transaction(async (tx) => {
    const terms = await franchiseeTerms(tx, principal.chainId, body.franchiseeId, true);
    const period = periodOf(terms, body.period);
    const [covering] = await tx.select({ no: statements.no, periodKey: statements.periodKey }).from(statements).where(and(
      eq(statements.chainId, principal.chainId), eq(statements.franchiseeId, terms.id), lte(statements.periodFrom, period.to), gte(statements.periodTo, period.from),
    ));
    if (covering) throw new AppError('CONFLICT', `statement ${covering.no} of ${covering.periodKey} already covers this period`, { no: covering.no, period: covering.periodKey });
    const row = {
      chainId: principal.chainId, id, no: await nextNo(tx, principal.chainId, 'F'), franchiseeId: terms.id, cycle: terms.cycle, periodKey: period.key,
      periodFrom: period.from, periodTo: period.to, status: 'draft' as const, createdBy: principal.userId, createdAt: clock(),
    };
    await tx.insert(statements).values(row);
    await recordAudit(tx, principal, clock, { entity: 'franchise_statement', entityId: id, action: 'create', before: null, after: { no: row.no, franchisee: terms.code, period: period.key } });
  });
  return readStatement(deps, principal, id);
}

/** Locks a draft for a change; an approved statement is refused, whatever the change. */
async function lockedDraft(tx: Db, chainId: string, id: string): Promise<StatementRow> {
  const row = await findStatement(tx, chainId, id, true);
  if (!row) throw new AppError('NOT_FOUND', 'no such statement');
  if (row.status === 'approved') throw new AppError('STATEMENT_APPROVED', `statement ${row.no} is approved and its figures are fixed: put a correction in a later statement`, { no: row.no });
  return row;
}

/** Adds a fee or an adjustment, with its reason, to a draft (HQ). */
export async function addStatementLine(deps: Deps, principal: OfficePrincipal, id: string, body: StatementLineBody): Promise<FranchiseStatement> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, principal.chainId, id);
    const line = { chainId: principal.chainId, id: newId(clock), statementId: row.id, kind: body.kind, amountMinor: body.amountMinor, reason: body.reason, createdBy: principal.userId, createdAt: clock() };
    await tx.insert(lines).values(line);
    await recordAudit(tx, principal, clock, { entity: 'franchise_statement', entityId: row.id, action: 'update', before: null, after: { no: row.no, added: { kind: body.kind, amountMinor: body.amountMinor, reason: body.reason } } });
  });
  return readStatement(deps, principal, id);
}

/** Takes a fee or an adjustment off a draft (HQ). */
export async function removeStatementLine(deps: Deps, principal: OfficePrincipal, id: string, lineId: string): Promise<FranchiseStatement> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, principal.chainId, id);
    const [removed] = await tx.delete(lines).where(and(eq(lines.chainId, principal.chainId), eq(lines.statementId, row.id), eq(lines.id, lineId)))
      .returning({ kind: lines.kind, amountMinor: lines.amountMinor, reason: lines.reason });
    if (!removed) throw new AppError('NOT_FOUND', 'no such fee or adjustment on this statement');
    await recordAudit(tx, principal, clock, { entity: 'franchise_statement', entityId: row.id, action: 'update', before: { no: row.no, removed }, after: null });
  });
  return readStatement(deps, principal, id);
}

/** Deletes a draft made by mistake (HQ); an approved statement stays. */
export async function deleteStatement({ db, clock }: Deps, principal: OfficePrincipal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, principal.chainId, id);
    await tx.delete(lines).where(and(eq(lines.chainId, principal.chainId), eq(lines.statementId, row.id)));
    await tx.delete(statements).where(and(eq(statements.chainId, principal.chainId), eq(statements.id, row.id)));
    await recordAudit(tx, principal, clock, { entity: 'franchise_statement', entityId: row.id, action: 'delete', before: { no: row.no, period: row.periodKey }, after: null });
  });
}

/**
 * Approves a draft (HQ): it is worked out a last time and its rate, lines, rows by store, totals and
 * figures are written, never to be worked out again. The franchisee's row is locked meanwhile, so
 * two of their statements are never approved at once (each bills what the other fixed exactly once).
 * Refused before the period has ended in each of its stores, and for a statement already approved.
 */
export async function approveStatement(deps: Deps, principal: OfficePrincipal, id: string): Promise<FranchiseStatement> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, principal.chainId, id);
    const terms = await franchiseeTerms(tx, principal.chainId, row.franchiseeId, true);
    const period = { key: row.periodKey, from: row.periodFrom, to: row.periodTo };
    const worked = await workOutStatement(tx, principal.chainId, terms, period, enteredOf(await storedLines(tx, principal.chainId, row.id)), terms.royaltyRateBp);
    const [chain] = await tx.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, principal.chainId));
    for (const timeZone of new Set([chain!.timeZone, ...worked.timeZones])) {
      if (businessDate(clock(), timeZone) <= period.to) throw new AppError('PERIOD_NOT_ENDED', `the period ${period.key} runs until ${period.to}`, { to: period.to });
    }
    await writeApproved(tx, { row, worked, royaltyRateBp: terms.royaltyRateBp, approvedBy: principal.userId, at: clock(), newId: () => newId(clock) });
    await recordAudit(tx, principal, clock, {
      entity: 'franchise_statement', entityId: row.id, action: 'approve', before: { no: row.no, status: 'draft' },
      after: { no: row.no, status: 'approved', netMinor: worked.composed.netMinor, totals: worked.composed.totals },
    });
  });
  return readStatement(deps, principal, id);
}

import { noFigures, type ComposedLine, type EnteredLine, type Figures, type StatementFigure } from '@pos/shared';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../org/org.tables';
import { franchiseStatementFigures as figuresTable, franchiseStatementLines as lines, franchiseStatements as statements } from './settlement.tables';

export type StatementRow = typeof statements.$inferSelect;

/** A statement's header, locked for the caller's transaction when `forUpdate`. */
export async function findStatement(db: Db, chainId: string, id: string, forUpdate = false): Promise<StatementRow | undefined> {
  const select = db.select().from(statements).where(and(eq(statements.chainId, chainId), eq(statements.id, id)));
  return (await (forUpdate ? select.for('update') : select))[0];
}

/** A line as the statement shows it, with the name of who entered a fee or adjustment. */
export type StoredLine = ComposedLine & { enteredByName: string | null };

/** A statement's lines as stored: on a draft its fees and adjustments, on an approved statement every line in order. */
export async function storedLines(db: Db, chainId: string, statementId: string): Promise<StoredLine[]> {
  const rows = await db.select({ line: lines, enteredByName: users.name }).from(lines)
    .leftJoin(users, and(eq(users.chainId, lines.chainId), eq(users.id, lines.createdBy)))
    .where(and(eq(lines.chainId, chainId), eq(lines.statementId, statementId)))
    .orderBy(sql`${lines.position} asc nulls last`, asc(lines.createdAt), asc(lines.id));
  return rows.map(({ line: l, enteredByName }) => ({
    kind: l.kind, amountMinor: l.amountMinor, baseMinor: l.baseMinor, rateBp: l.rateBp, figure: l.figure, periodKey: l.periodKey,
    storeId: l.storeId, otherStoreId: l.otherStoreId, documentId: l.documentId, documentNo: l.documentNo, date: l.businessDate,
    enteredId: l.kind === 'fee' || l.kind === 'adjustment' ? l.id : null, reason: l.reason, enteredByName: l.kind === 'fee' || l.kind === 'adjustment' ? enteredByName : null,
  }));
}

export const enteredOf = (stored: readonly StoredLine[]): EnteredLine[] =>
  stored.flatMap((l) => (l.enteredId && (l.kind === 'fee' || l.kind === 'adjustment') ? [{ id: l.enteredId, kind: l.kind, amountMinor: l.amountMinor, reason: l.reason ?? '' }] : []));

/** The franchisee's approved statements of periods before `before`, earliest first. */
export async function approvedBefore(db: Db, chainId: string, franchiseeId: string, before: string) {
  return db.select({ key: statements.periodKey, from: statements.periodFrom, to: statements.periodTo, royaltyRateBp: statements.royaltyRateBp })
    .from(statements)
    .where(and(eq(statements.chainId, chainId), eq(statements.franchiseeId, franchiseeId), eq(statements.status, 'approved'), lt(statements.periodTo, before)))
    .orderBy(asc(statements.periodFrom));
}

/** What approved statements billed of each of the franchisee's periods (by first day), summed figure by figure. */
export async function fixedFigures(db: Db, chainId: string, franchiseeId: string, periodFroms: readonly string[]): Promise<Map<string, Figures>> {
  const fixed = new Map<string, Figures>();
  if (periodFroms.length === 0) return fixed;
  const rows = await db.select({ periodFrom: figuresTable.periodFrom, figure: figuresTable.figure, amount: sql<string>`sum(${figuresTable.amountMinor})::text` })
    .from(figuresTable)
    .where(and(eq(figuresTable.chainId, chainId), eq(figuresTable.franchiseeId, franchiseeId), inArray(figuresTable.periodFrom, [...periodFroms])))
    .groupBy(figuresTable.periodFrom, figuresTable.figure);
  for (const row of rows) {
    const figures = fixed.get(row.periodFrom) ?? noFigures();
    figures[row.figure as StatementFigure] += Number(row.amount);
    fixed.set(row.periodFrom, figures);
  }
  return fixed;
}

/** The figures an approved statement fixed of its own period. */
export async function ownFigures(db: Db, chainId: string, statement: StatementRow): Promise<Figures> {
  const rows = await db.select({ figure: figuresTable.figure, amount: figuresTable.amountMinor }).from(figuresTable)
    .where(and(eq(figuresTable.chainId, chainId), eq(figuresTable.statementId, statement.id), eq(figuresTable.periodFrom, statement.periodFrom)));
  const figures = noFigures();
  for (const row of rows) figures[row.figure] = row.amount;
  return figures;
}

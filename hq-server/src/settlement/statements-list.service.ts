import type { FranchiseStatementList, FranchiseStatementsQuery } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { containing } from '../db/list-query';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { franchisees } from '../org/org.tables';
import { franchiseStatements as s } from './settlement.tables';

/** Which statements the caller sees: HQ every one; a franchisee their own approved ones; nobody else any. */
function visibleTo(principal: Principal): SQL | undefined {
  const office = officePrincipal(principal);
  if (office.role === 'hq_admin') return undefined;
  if (office.role === 'franchisee') return office.franchiseeId ? and(eq(s.franchiseeId, office.franchiseeId), eq(s.status, 'approved')) : sql`false`;
  throw new AppError('FORBIDDEN', 'only HQ and franchisees read franchise statements');
}

/** Franchise statements a page at a time, the latest period first unless sorted otherwise. */
export async function listStatements(db: Db, principal: Principal, query: FranchiseStatementsQuery): Promise<FranchiseStatementList> {
  const where = and(
    eq(s.chainId, principal.chainId), visibleTo(principal),
    query.franchiseeId ? eq(s.franchiseeId, query.franchiseeId) : undefined,
    query.status ? eq(s.status, query.status) : undefined,
    query.q ? or(ilike(s.no, containing(query.q)), ilike(s.periodKey, containing(query.q)), ilike(franchisees.name, containing(query.q)), ilike(franchisees.code, containing(query.q))) : undefined,
  );
  const column = query.sort === 'no' ? s.no : s.periodFrom;
  const direction = query.sort === undefined || query.order === 'desc' ? desc : asc;
  const owner = and(eq(franchisees.chainId, s.chainId), eq(franchisees.id, s.franchiseeId));
  const [rows, [counted]] = await Promise.all([
    db.select({ row: s, code: franchisees.code, name: franchisees.name }).from(s).innerJoin(franchisees, owner).where(where)
      .orderBy(direction(column), direction(s.no)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(s).innerJoin(franchisees, owner).where(where),
  ]);
  return {
    items: rows.map(({ row, code, name }) => ({
      id: row.id, no: row.no, status: row.status, franchisee: { id: row.franchiseeId, code, name }, cycle: row.cycle,
      period: { key: row.periodKey, from: row.periodFrom, to: row.periodTo }, netMinor: row.netMinor, createdAt: row.createdAt.toISOString(), approvedAt: row.approvedAt?.toISOString() ?? null,
    })),
    total: counted?.n ?? 0,
  };
}

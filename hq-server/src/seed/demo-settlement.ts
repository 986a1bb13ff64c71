import { businessDate, minor, previousSettlementPeriod, settlementPeriodOf } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { chains, franchisees, users } from '../org/org.tables';
import { demoFranchisees } from './demo-org';
import { addStatementLine, approveStatement, draftStatement } from '../settlement/statements.service';

/** HQ's fees on East China Retail's statements: the POS service every month, and a one-off adjustment on last month's. */
export const demoStatementLines = {
  fee: { kind: 'fee' as const, amountMinor: minor(30_000), reason: 'POS 系统服务费 / POS system service fee' },
  adjustment: { kind: 'adjustment' as const, amountMinor: minor(-20_000), reason: '店庆促销总部补贴 / HQ support for the store anniversary promotion' },
};

/**
 * East China Retail's franchise statements (加盟店结算): last month's drafted, given the month's fee
 * and an adjustment and approved, so its figures are fixed; this month's a draft with its fee,
 * worked out afresh whenever it is opened.
 */
export async function seedDemoSettlement(deps: Deps, chainId: string): Promise<void> {
  const { db, clock } = deps;
  const [hq] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  const [east] = await db.select({ id: franchisees.id, cycle: franchisees.settlementCycle }).from(franchisees).where(and(eq(franchisees.chainId, chainId), eq(franchisees.code, demoFranchisees.find((f) => f.key === 'east')!.code)));
  const [chain] = await db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId));
  if (!hq || !east || !chain) return;
  const principal: OfficePrincipal = { kind: 'office', chainId, userId: hq.id, sessionId: newId(clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
  const current = settlementPeriodOf(east.cycle, businessDate(clock(), chain.timeZone));
  const last = await draftStatement(deps, principal, { franchiseeId: east.id, period: previousSettlementPeriod(east.cycle, current).key });
  await addStatementLine(deps, principal, last.id!, demoStatementLines.fee);
  await addStatementLine(deps, principal, last.id!, demoStatementLines.adjustment);
  await approveStatement(deps, principal, last.id!);
  const draft = await draftStatement(deps, principal, { franchiseeId: east.id, period: current.key });
  await addStatementLine(deps, principal, draft.id!, demoStatementLines.fee);
}

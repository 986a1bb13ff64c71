import { periodOf, periodsToCompare, type MyMonth } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { clerkOfSession } from '../auth/sessions.service';
import type { Deps, DevicePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { commissionResults, commissionStorePeriods, commissionTargets } from './commission.tables';
import { cycleStartDay } from './commission-inputs';
import { figuresOf } from './commission-overview.service';
import { workCommissionPeriod } from './commission-periods.service';
import { periodFigures } from './clerk-statement.service';
import type { Measures } from './work-store-period';

/**
 * The month so far of the clerk signed in on this till (我的业绩), and nothing of anyone else's: the
 * session token says who asks. The till's store is worked out first, so the figures are today's.
 */
export async function myMonth(deps: Deps, device: DevicePrincipal, clerkToken: string): Promise<MyMonth> {
  const { db } = deps;
  const chainId = device.chainId;
  const clerkId = await clerkOfSession(deps, device, clerkToken);
  const [clerk] = await db.select({ code: clerks.code, name: clerks.name, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.id, clerkId)));
  if (!clerk) throw new AppError('NOT_FOUND', 'no such clerk');
  const store = await storeInScope(db, device, device.storeId);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: store.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(deps.clock());
  const period = periodOf(today, await cycleStartDay(db, chainId));
  await workCommissionPeriod(deps, chainId, [store], period.key);
  const [results, state, target] = await Promise.all([
    db.select().from(commissionResults).where(and(eq(commissionResults.chainId, chainId), eq(commissionResults.periodKey, period.key), eq(commissionResults.storeId, store.id), eq(commissionResults.beneficiaryKind, 'clerk'), eq(commissionResults.beneficiaryId, clerkId))),
    db.select({ measures: commissionStorePeriods.measures }).from(commissionStorePeriods).where(and(eq(commissionStorePeriods.chainId, chainId), eq(commissionStorePeriods.periodKey, period.key), eq(commissionStorePeriods.storeId, store.id))),
    db.select({ amountMinor: commissionTargets.amountMinor }).from(commissionTargets).where(and(eq(commissionTargets.chainId, chainId), eq(commissionTargets.periodKey, period.key), eq(commissionTargets.kind, 'clerk'), eq(commissionTargets.subjectId, clerkId))),
  ]);
  const salesMinor = (state[0]?.measures as Measures | undefined)?.clerks[clerkId] ?? 0;
  const targetMinor = target[0]?.amountMinor ?? null;
  const compare = periodsToCompare(period.key);
  const [previous, lastYear] = await Promise.all([
    periodFigures(db, chainId, store.id, clerkId, compare.previous),
    periodFigures(db, chainId, store.id, clerkId, compare.lastYear),
  ]);
  return {
    period,
    clerk: { code: clerk.code, name: clerk.name },
    figures: figuresOf(results, salesMinor),
    target: { amountMinor: targetMinor, reachedBp: targetMinor ? Math.floor((salesMinor * 10_000) / targetMinor) : null },
    previous,
    lastYear,
  };
}

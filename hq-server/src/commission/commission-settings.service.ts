import type { CommissionSettings } from '@pos/shared';
import { and, eq, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { commissionSettings, commissionStorePeriods } from './commission.tables';
import { cycleStartDay } from './commission-inputs';

export async function loadCommissionSettings(db: Db, chainId: string): Promise<CommissionSettings> {
  return { cycleStartDay: await cycleStartDay(db, chainId) };
}

/**
 * Sets the chain's cycle. Periods are named by the cycle, so once one was closed under it the
 * cycle stays: changing it would move days between settled periods.
 */
export async function saveCommissionSettings(deps: Deps, principal: Principal, body: CommissionSettings): Promise<CommissionSettings> {
  const chainId = principal.chainId;
  const before = await loadCommissionSettings(deps.db, chainId);
  if (before.cycleStartDay === body.cycleStartDay) return before;
  const closed = await deps.db.$count(commissionStorePeriods, and(eq(commissionStorePeriods.chainId, chainId), isNotNull(commissionStorePeriods.closedAt)));
  if (closed > 0) throw new AppError('PERIOD_CLOSED', 'periods were closed under the current cycle: it cannot change now');
  await deps.db.transaction(async (tx) => {
    await tx.insert(commissionSettings).values({ chainId, cycleStartDay: body.cycleStartDay, updatedAt: deps.clock() })
      .onConflictDoUpdate({ target: commissionSettings.chainId, set: { cycleStartDay: body.cycleStartDay, updatedAt: deps.clock() } });
    await recordAudit(tx, principal, deps.clock, { entity: 'commission_settings', entityId: chainId, action: 'update', before, after: body });
  });
  return body;
}

import type { StoredValueAdjustment, StoredValueAdjustmentBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { memberAccounts } from '../members/membership.tables';
import { members } from '../pricing/pricing.tables';
import { lockAccount } from './entries.repo';
import { loadMembershipSettings } from './membership-settings.service';
import { postStoredValue } from './post-entry';
import { storedValueAdjustments } from './stored-value.tables';

type Row = typeof storedValueAdjustments.$inferSelect;

export const toAdjustment = (row: Row): StoredValueAdjustment => ({
  id: row.id, accountId: row.accountId, amountMinor: row.amountMinor as StoredValueAdjustment['amountMinor'], reason: row.reason, status: row.status,
  requestedBy: row.requestedBy, requestedAt: row.requestedAt.toISOString(), decidedBy: row.decidedBy, decidedAt: row.decidedAt?.toISOString() ?? null, entryId: row.entryId,
});

async function accountOf(db: Db, chainId: string, body: StoredValueAdjustmentBody): Promise<string> {
  const [row] = body.memberId !== undefined
    ? await db.select({ id: members.accountId }).from(members).where(and(eq(members.chainId, chainId), eq(members.id, body.memberId)))
    : await db.select({ id: memberAccounts.id }).from(memberAccounts).where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, body.accountId!)));
  if (!row) throw new AppError('NOT_FOUND', body.memberId !== undefined ? 'no member of the chain has this id' : 'no stored-value account of the chain has this id');
  return row.id;
}

/** Posts an adjustment's entry behind the account's lock; a debit the balance cannot bear posts nothing. */
async function post(tx: Db, chainId: string, row: Row, approvedBy: string | null, at: Date, bonusSpentFirst: boolean): Promise<string> {
  const account = await lockAccount(tx, chainId, row.accountId);
  const id = newId(() => at);
  const posted = await postStoredValue(tx, chainId, row.accountId, row.amountMinor, {
    id, kind: 'adjustment', actorId: row.requestedBy, reason: row.reason, approvedBy, at, bonusSpentFirst, ...(row.amountMinor > 0 ? { bonusMinor: 0 } : {}),
  });
  if (!posted) throw new AppError('INSUFFICIENT_BALANCE', 'the account holds less than the adjustment takes', { availableMinor: account.balanceMinor });
  return id;
}

/**
 * Corrects a balance from the office (调账), with a reason. Up to the chain's threshold (its
 * absolute value) it is posted at once; above it, it waits, pending, for a second office user.
 */
export async function requestAdjustment({ db, clock }: Deps, principal: OfficePrincipal, body: StoredValueAdjustmentBody): Promise<StoredValueAdjustment> {
  const { chainId } = principal;
  const accountId = await accountOf(db, chainId, body);
  const settings = await loadMembershipSettings(db, chainId);
  const needsApproval = Math.abs(body.amountMinor) > settings.adjustmentApprovalAboveMinor;
  return db.transaction(async (tx) => {
    const at = clock();
    const row: Row = {
      chainId, id: newId(clock), accountId, amountMinor: body.amountMinor, reason: body.reason, status: needsApproval ? 'pending' : 'approved',
      requestedBy: principal.userId, requestedAt: at, decidedBy: null, decidedAt: null, entryId: null,
    };
    if (!needsApproval) Object.assign(row, { decidedAt: at, entryId: await post(tx, chainId, row, null, at, settings.bonusSpentFirst) });
    await tx.insert(storedValueAdjustments).values(row);
    const adjustment = toAdjustment(row);
    await recordAudit(tx, principal, clock, { entity: 'stored_value_adjustment', entityId: row.id, action: 'create', before: null, after: adjustment });
    return adjustment;
  });
}

/**
 * Approves or rejects a pending adjustment: another office user than the one who asked.
 * Approval posts the entry, naming the approver; a debit the balance can no longer bear is
 * refused and the adjustment stays pending.
 */
export async function decideAdjustment({ db, clock }: Deps, principal: OfficePrincipal, id: string, decision: 'approve' | 'reject'): Promise<StoredValueAdjustment> {
  const { chainId } = principal;
  const settings = await loadMembershipSettings(db, chainId);
  return db.transaction(async (tx) => {
    const thisOne = and(eq(storedValueAdjustments.chainId, chainId), eq(storedValueAdjustments.id, id));
    const [row] = await tx.select().from(storedValueAdjustments).where(thisOne).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'no adjustment of the chain has this id');
    if (row.status !== 'pending') throw new AppError('CONFLICT', `the adjustment is already ${row.status}`, { status: row.status });
    if (row.requestedBy === principal.userId) throw new AppError('FORBIDDEN', 'a second person approves or rejects an adjustment, not the one who asked for it');
    const at = clock();
    const entryId = decision === 'approve' ? await post(tx, chainId, row, principal.userId, at, settings.bonusSpentFirst) : null;
    const [decided] = await tx.update(storedValueAdjustments)
      .set({ status: decision === 'approve' ? 'approved' : 'rejected', decidedBy: principal.userId, decidedAt: at, entryId })
      .where(thisOne).returning();
    const after = toAdjustment(decided!);
    await recordAudit(tx, principal, clock, { entity: 'stored_value_adjustment', entityId: id, action: decision, before: toAdjustment(row), after });
    return after;
  });
}

import type { AttachChildBody, ChildLimits, DuplicateList, DuplicatesQuery, MemberDetail } from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { members } from '../pricing/pricing.tables';
import { transferPoints } from '../points/transfer-points';
import { postStoredValue } from '../stored-value/post-entry';
import { loadMemberDetail, memberRow } from './member-detail';
import { findMemberRecords } from './members.repo';
import { memberAccounts, memberCards } from './membership.tables';

type MemberRow = Awaited<ReturnType<typeof memberRow>>;

async function lockedAccount(tx: Db, chainId: string, accountId: string) {
  const [account] = await tx.select().from(memberAccounts).where(and(eq(memberAccounts.chainId, chainId), eq(memberAccounts.id, accountId))).for('update');
  if (!account) throw new Error(`account ${accountId} does not exist in chain ${chainId}`);
  return account;
}

function mustBeActive(member: MemberRow, role: string) {
  if (!member.active || member.mergedIntoMemberId) throw new AppError('CONFLICT', `the ${role} (${member.name}) is ${member.mergedIntoMemberId ? 'merged into another member' : 'no longer active'}`);
}

const familyOf = (d: MemberDetail) => ({ parentMemberId: d.parent?.id ?? null, accountId: d.account.id, ...d.limits });

/**
 * Makes a member a child card (附卡) of a parent: from now on the child's cards pay from and
 * earn into the parent's account, within the limits the parent sets. The child's own account
 * must be empty (no stored value, points or receivable), since nothing moves; a parent is never
 * itself a child, and a child never has children of its own.
 */
export async function attachChild({ db, clock }: Deps, principal: Principal, childId: string, body: AttachChildBody): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  if (childId === body.parentMemberId) throw new AppError('CONFLICT', 'a member cannot be their own parent card');
  const before = await loadMemberDetail(db, principal, childId, now);
  await db.transaction(async (tx) => {
    const [child, parent] = [await memberRow(tx, chainId, childId), await memberRow(tx, chainId, body.parentMemberId)];
    mustBeActive(child, 'child');
    mustBeActive(parent, 'parent');
    if (parent.parentMemberId) throw new AppError('CONFLICT', `${parent.name} is a child card: a parent card cannot be a child of another`);
    if (child.parentMemberId) throw new AppError('CONFLICT', `${child.name} is already a child card: detach it first`);
    const grandchildren = await tx.$count(members, and(eq(members.chainId, chainId), eq(members.parentMemberId, childId), eq(members.active, true)));
    if (grandchildren > 0) throw new AppError('CONFLICT', `${child.name} has child cards of their own`);
    const own = await lockedAccount(tx, chainId, child.accountId);
    if (own.balanceMinor !== 0 || own.points !== 0 || own.receivableMinor !== 0) {
      throw new AppError('CONFLICT', `${child.name}'s own account is not empty (stored value ${own.balanceMinor}, points ${own.points}, receivable ${own.receivableMinor}): merge or spend it first, then attach`);
    }
    await tx.update(members).set({ parentMemberId: parent.id, accountId: parent.accountId, childTxnLimitMinor: body.childTxnLimitMinor, childDayLimitMinor: body.childDayLimitMinor })
      .where(and(eq(members.chainId, chainId), eq(members.id, childId)));
    const after = await loadMemberDetail(tx, principal, childId, now);
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: childId, action: 'attach_child', before: familyOf(before), after: familyOf(after) });
  });
  return loadMemberDetail(db, principal, childId, now);
}

/** Sets what a child card may spend of the shared stored value, per transaction and per business day (null: no limit). */
export async function setChildLimits({ db, clock }: Deps, principal: Principal, childId: string, limits: ChildLimits): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  const before = await loadMemberDetail(db, principal, childId, now);
  if (!before.parent) throw new AppError('CONFLICT', `${before.name} is not a child card: limits apply to child cards only`);
  await db.transaction(async (tx) => {
    await tx.update(members).set(limits).where(and(eq(members.chainId, chainId), eq(members.id, childId)));
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: childId, action: 'update', before: familyOf(before), after: { ...familyOf(before), ...limits } });
  });
  return loadMemberDetail(db, principal, childId, now);
}

/**
 * Detaches a child card: the member goes back to their own account, which was left empty when
 * they were attached; what they spent meanwhile was the parent's money and stays in the
 * parent's account and ledger.
 */
export async function detachChild({ db, clock }: Deps, principal: Principal, childId: string): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  const before = await loadMemberDetail(db, principal, childId, now);
  if (!before.parent) throw new AppError('CONFLICT', `${before.name} is not a child card`);
  await db.transaction(async (tx) => {
    await tx.insert(memberAccounts).values({ chainId, id: childId, holderMemberId: childId, updatedAt: now }).onConflictDoNothing();
    await tx.update(members).set({ parentMemberId: null, accountId: childId, childTxnLimitMinor: null, childDayLimitMinor: null })
      .where(and(eq(members.chainId, chainId), eq(members.id, childId)));
    const after = await loadMemberDetail(tx, principal, childId, now);
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: childId, action: 'detach_child', before: familyOf(before), after: familyOf(after) });
  });
  return loadMemberDetail(db, principal, childId, now);
}

/**
 * Merges a duplicate member into another (合并), in one transaction: the duplicate's stored
 * value moves as a `transfer_out` and a `transfer_in` entry (its bonus part kept as bonus), its
 * points move, its active and issued cards keep working for the member merged into, its child
 * cards follow; the duplicate is left inactive, pointing at the member it went into. The
 * duplicate may be inactive already (a cancelled membership the person later joined again); the
 * member merged into must be active. Child cards are detached before either side can be merged,
 * since their account is a parent's.
 */
export async function mergeMember({ db, clock }: Deps, principal: Principal, duplicateId: string, intoId: string): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  if (duplicateId === intoId) throw new AppError('CONFLICT', 'a member cannot be merged into themself');
  await db.transaction(async (tx) => {
    // Both members locked in id order, so two merges of the same pair wait instead of deadlocking.
    await tx.select({ id: members.id }).from(members).where(and(eq(members.chainId, chainId), inArray(members.id, [duplicateId, intoId]))).orderBy(members.id).for('update');
    const [duplicate, into] = [await memberRow(tx, chainId, duplicateId), await memberRow(tx, chainId, intoId)];
    if (duplicate.mergedIntoMemberId) throw new AppError('CONFLICT', `${duplicate.name} is already merged into another member`);
    mustBeActive(into, 'member merged into');
    for (const m of [duplicate, into]) if (m.parentMemberId) throw new AppError('CONFLICT', `${m.name} is a child card: detach it before merging`);
    const accounts = [duplicate.accountId, into.accountId].sort();
    for (const id of accounts) await lockedAccount(tx, chainId, id);
    const from = await lockedAccount(tx, chainId, duplicate.accountId);
    if (from.receivableMinor > 0) throw new AppError('CONFLICT', `${duplicate.name} owes a receivable of ${from.receivableMinor}: settle it before merging`);
    const transfer = { memberId: null, actorId: principal.kind === 'office' ? principal.userId : null, reason: `merge ${duplicateId} into ${intoId}`, at: now };
    if (from.balanceMinor > 0) {
      const documentId = newId(clock);
      await postStoredValue(tx, chainId, from.id, -from.balanceMinor, { ...transfer, id: newId(clock), kind: 'transfer_out', bonusMinor: -from.bonusMinor, documentId });
      await postStoredValue(tx, chainId, into.accountId, from.balanceMinor, { ...transfer, id: newId(clock), kind: 'transfer_in', bonusMinor: from.bonusMinor, documentId });
    }
    await transferPoints(tx, chainId, from.id, into.accountId, { memberId: null, actorId: transfer.actorId, reason: transfer.reason }, now);
    await tx.update(memberCards).set({ memberId: intoId })
      .where(and(eq(memberCards.chainId, chainId), eq(memberCards.memberId, duplicateId), inArray(memberCards.status, ['active', 'issued'])));
    await tx.update(members).set({ parentMemberId: intoId, accountId: into.accountId })
      .where(and(eq(members.chainId, chainId), eq(members.parentMemberId, duplicateId)));
    await tx.update(members).set({ active: false, mergedIntoMemberId: intoId }).where(and(eq(members.chainId, chainId), eq(members.id, duplicateId)));
    await recordAudit(tx, principal, clock, {
      entity: 'member', entityId: duplicateId, action: 'merge',
      before: { balanceMinor: from.balanceMinor, bonusMinor: from.bonusMinor, points: from.points },
      after: { mergedIntoMemberId: intoId },
    });
  });
  return loadMemberDetail(db, principal, intoId, now);
}

/**
 * Members that look like one person (查重): the same mobile number (an active member and an
 * earlier, inactive one; the unique index keeps two active ones apart), or the same name and
 * birthday among active members. Members already merged are history and never listed.
 */
export async function findDuplicates(db: Db, chainId: string, { limit }: DuplicatesQuery): Promise<DuplicateList> {
  const groups = await query<{ reason: 'phone' | 'name_birthday'; ids: string[] }>(db, sql`
    select 'phone' as reason, array_agg(id order by created_at, id) as ids from members
      where chain_id = ${chainId} and merged_into_member_id is null and phone is not null
      group by phone having count(*) > 1 and bool_or(active)
    union all
    select 'name_birthday', array_agg(id order by created_at, id) from members
      where chain_id = ${chainId} and active and birthday is not null
      group by name, birthday having count(*) > 1
    order by 1, 2 limit ${limit}`);
  return {
    groups: await Promise.all(groups.map(async (g) => ({ reason: g.reason, members: await findMemberRecords(db, chainId, g.ids) }))),
  };
}

import { phoneInMemberCode, type EnrolMemberBody, type FoundMember, type MemberList, type MemberRecord, type MemberSearchQuery } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { pinyinKeys } from '../catalog/pinyin';
import { newId } from '../ids';
import { memberLevels, members } from '../pricing/pricing.tables';
import { openMemberAccounts } from './open-accounts';
import { findActiveMembers, findMemberRecord, findMembers } from './members.repo';

/**
 * The active member a till's code names: the member with that card number, else the one with
 * that mobile number (an active member's number is theirs alone, by a unique index). No member
 * and an inactive one answer alike, so a look-up tells a stranger nothing about cancelled cards.
 */
export async function lookupMember(db: Db, chainId: string, code: string): Promise<FoundMember> {
  const found = await findActiveMembers(db, chainId, code, phoneInMemberCode(code));
  const chosen = found.find((m) => m.cardNo === code) ?? found[0];
  if (!chosen) throw new AppError('NOT_FOUND', 'no active member has this card number or mobile number');
  return chosen;
}

export async function searchMembers(db: Db, chainId: string, { q, limit, offset }: MemberSearchQuery): Promise<MemberList> {
  return findMembers(db, chainId, q, limit, offset);
}

const problem = (path: string, message: string) => [{ path, message }];

/** Enrols a member at a known, active level; a card number is the chain's once, and so is an active member's mobile number. */
export async function enrolMember({ db, clock }: Deps, principal: Principal, body: EnrolMemberBody): Promise<MemberRecord> {
  const { chainId } = principal;
  const [level] = await db.select({ active: memberLevels.active }).from(memberLevels).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, body.levelId)));
  if (!level?.active) {
    const message = `member level ${body.levelId} ${level ? 'is no longer in use' : 'does not exist in this chain'}`;
    throw new AppError('VALIDATION_FAILED', message, problem('levelId', message));
  }
  const id = newId(clock);
  // Without a target, so the unique card number and the unique active phone both end in "nothing inserted", even when two enrolments race.
  const { pinyin, initials } = pinyinKeys(body.name);
  const enrolled = await db.transaction(async (tx) => {
    const inserted = await tx.insert(members).values({ chainId, id, accountId: id, ...body, namePinyin: pinyin, nameInitials: initials, createdAt: clock() }).onConflictDoNothing().returning({ id: members.id });
    if (inserted.length === 0) return null;
    await openMemberAccounts(tx, chainId, clock());
    // The member as the office sees them: the phone masked.
    const record = (await findMemberRecord(tx, chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: id, action: 'create', before: null, after: record });
    return record;
  });
  if (!enrolled) {
    if ((await db.$count(members, and(eq(members.chainId, chainId), eq(members.cardNo, body.cardNo)))) > 0) {
      throw new AppError('CONFLICT', `card ${body.cardNo} is already enrolled`, problem('cardNo', 'already enrolled'));
    }
    throw new AppError('CONFLICT', `mobile number ${body.phone} belongs to another member`, problem('phone', 'already used by another member'));
  }
  return enrolled;
}

import { phoneInMemberCode, type EnrolMemberBody, type FoundMember, type MemberDetail, type MemberList, type MemberRecord, type MemberSearchQuery, type UpdateMemberBody } from '@pos/shared';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { pinyinKeys } from '../catalog/pinyin';
import { newId } from '../ids';
import { memberLevels, members } from '../pricing/pricing.tables';
import { openMemberAccounts } from './open-accounts';
import { cardStatusOf, findMemberByActiveCard, findMemberByPhone, findMemberRecord, findMembers } from './members.repo';
import { insertCard, nextIssuedCardNo } from './member-cards.service';
import { loadMemberDetail, memberRow } from './member-detail';

/**
 * The active member a till's code names: the holder of that active card, else the active member
 * with that mobile number (theirs alone, by a unique index). A card reported lost answers so
 * (the till is trusted, and the cashier must know to keep the card back), with nothing of its
 * member; any other card that cannot be used (replaced, cancelled, not yet activated) and a
 * number nobody holds answer alike: not found.
 */
export async function lookupMember(db: Db, chainId: string, code: string): Promise<FoundMember> {
  const byCard = await findMemberByActiveCard(db, chainId, code);
  if (byCard) return byCard;
  const phone = phoneInMemberCode(code);
  const byPhone = phone === null ? undefined : await findMemberByPhone(db, chainId, phone);
  if (byPhone) return byPhone;
  if ((await cardStatusOf(db, chainId, code)) === 'lost') throw new AppError('CARD_LOST', 'card reported lost: keep it back and ask the member to have it replaced');
  throw new AppError('NOT_FOUND', 'no active member has this card number or mobile number');
}

export async function searchMembers(db: Db, chainId: string, { q, limit, offset }: MemberSearchQuery): Promise<MemberList> {
  return findMembers(db, chainId, q, limit, offset);
}

const problem = (path: string, message: string) => [{ path, message }];

async function activeLevel(db: Db, chainId: string, levelId: string) {
  const [level] = await db.select().from(memberLevels).where(and(eq(memberLevels.chainId, chainId), eq(memberLevels.id, levelId)));
  if (!level?.active) {
    const message = `member level ${levelId} ${level ? 'is no longer in use' : 'does not exist in this chain'}`;
    throw new AppError('VALIDATION_FAILED', message, problem('levelId', message));
  }
  return level;
}

const phoneTaken = (phone: string | null) => new AppError('CONFLICT', `mobile number ${phone} belongs to another member`, problem('phone', 'already used by another member'));

/**
 * Enrols a member at a known, active level with their own account and an active card: the
 * pre-printed card's number given, else the chain's next. A card number is the chain's once,
 * and so is an active member's mobile number.
 */
export async function enrolMember({ db, clock }: Deps, principal: Principal, body: EnrolMemberBody): Promise<MemberRecord> {
  const { chainId } = principal;
  await activeLevel(db, chainId, body.levelId);
  const id = newId(clock);
  const { cardNo: givenCardNo, ...profile } = body;
  const { pinyin, initials } = pinyinKeys(body.name);
  return db.transaction(async (tx) => {
    // Without a target, so the unique active phone ends in "nothing inserted", even when two enrolments race.
    const inserted = await tx.insert(members).values({ chainId, id, accountId: id, ...profile, namePinyin: pinyin, nameInitials: initials, createdAt: clock() }).onConflictDoNothing().returning({ id: members.id });
    if (inserted.length === 0) throw phoneTaken(body.phone);
    const now = clock();
    await insertCard(tx, { chainId, id: newId(clock), cardNo: givenCardNo ?? (await nextIssuedCardNo(tx, chainId)), memberId: id, status: 'active', issuedAt: now, issuedStoreId: principal.storeId, statusChangedAt: now });
    await openMemberAccounts(tx, chainId, now);
    // The member as the office sees them: the phone masked.
    const record = (await findMemberRecord(tx, chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: id, action: 'create', before: null, after: record });
    return record;
  });
}

/** The profile as the audit trail keeps it: what a change can touch, the phone masked. */
const profileOf = (d: MemberDetail) => ({
  name: d.name, phoneMasked: d.phoneMasked, birthday: d.birthday, gender: d.gender, consentToMessages: d.consentToMessages, tags: d.tags, levelId: d.level.id,
});

/** Changes a member's profile (name, phone, birthday, gender, consent, tags, level); a merged member is history and stays as it is. */
export async function updateMember({ db, clock }: Deps, principal: Principal, id: string, body: UpdateMemberBody): Promise<MemberDetail> {
  const { chainId } = principal;
  const now = clock();
  const before = await loadMemberDetail(db, principal, id, now);
  if (before.mergedIntoMemberId) throw new AppError('CONFLICT', `member ${id} was merged into another member and can no longer change`);
  if (body.levelId !== undefined) await activeLevel(db, chainId, body.levelId);
  const keys = body.name === undefined ? {} : (({ pinyin, initials }) => ({ namePinyin: pinyin, nameInitials: initials }))(pinyinKeys(body.name));
  await db.transaction(async (tx) => {
    const current = await memberRow(tx, chainId, id);
    if (body.phone && current.active) {
      const holders = await tx.$count(members, and(eq(members.chainId, chainId), eq(members.phone, body.phone), eq(members.active, true), ne(members.id, id)));
      if (holders > 0) throw phoneTaken(body.phone);
    }
    await tx.update(members).set({ ...body, ...keys }).where(and(eq(members.chainId, chainId), eq(members.id, id)));
    const after = await loadMemberDetail(tx, principal, id, now);
    await recordAudit(tx, principal, clock, { entity: 'member', entityId: id, action: 'update', before: profileOf(before), after: profileOf(after) });
  });
  return loadMemberDetail(db, principal, id, now);
}

import { phoneInMemberCode, type FoundMember, type MemberRecord } from '@pos/shared';
import { and, asc, count, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberLevels, members } from '../pricing/pricing.tables';
import { pinyinQuery } from '../catalog/pinyin';
import { maskPhone } from './mask-phone';

const columns = {
  id: members.id, cardNo: members.cardNo, name: members.name, phone: members.phone, birthday: members.birthday, active: members.active, createdAt: members.createdAt,
  levelId: memberLevels.id, levelCode: memberLevels.code, levelNameZh: memberLevels.nameZh, levelNameEn: memberLevels.nameEn,
};

function selectMembers(db: Db, where: SQL | undefined) {
  return db.select(columns).from(members)
    .innerJoin(memberLevels, and(eq(memberLevels.chainId, members.chainId), eq(memberLevels.id, members.levelId)))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectMembers>>[number];

function toFoundMember(row: Row): FoundMember {
  return {
    id: row.id, cardNo: row.cardNo, name: row.name, phoneMasked: row.phone === null ? null : maskPhone(row.phone),
    level: { id: row.levelId, code: row.levelCode, nameZh: row.levelNameZh, nameEn: row.levelNameEn }, birthday: row.birthday,
  };
}

const toMemberRecord = (row: Row): MemberRecord => ({ ...toFoundMember(row), active: row.active, createdAt: row.createdAt.toISOString() });

/** Active members whose card number is `cardNo` or whose phone is `phone`; at most a few, for the caller to choose from. */
export async function findActiveMembers(db: Db, chainId: string, cardNo: string, phone: string | null): Promise<FoundMember[]> {
  const byCode = phone === null ? eq(members.cardNo, cardNo) : or(eq(members.cardNo, cardNo), eq(members.phone, phone));
  const rows = await selectMembers(db, and(eq(members.chainId, chainId), eq(members.active, true), byCode)).limit(3);
  return rows.map(toFoundMember);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A name by its pinyin: the initials by their start (`zw` finds 张伟), the whole syllables by their start (`zhangw`). */
function byPinyin(q: string): SQL | undefined {
  const keys = /^[A-Za-z][A-Za-z\s']*$/.test(q) ? pinyinQuery(q) : '';
  return keys ? or(like(members.nameInitials, `${keys}%`), like(members.namePinyin, `${keys}%`)) : undefined;
}

/**
 * What a search matches: a card number by its start, a name by any part or by its pinyin, and a mobile number
 * only whole or by its last four digits (which the mask shows anyway). No part of the middle
 * is ever matched, so no run of searches can uncover the digits a mask hides.
 */
function matching(q: string): SQL | undefined {
  const text = escapeLike(q);
  const phone = phoneInMemberCode(q.replace(/[\s-]/g, '').replace(/^\+/, ''));
  const byPhone = phone ? eq(members.phone, phone) : /^\d{4}$/.test(q) ? like(members.phone, `%${text}`) : undefined;
  return or(like(members.cardNo, `${text}%`), ilike(members.name, `%${text}%`), byPinyin(q), byPhone);
}

/** Members a search matches (see `matching`), or every member when there is no search; by card number. */
export async function findMembers(db: Db, chainId: string, q: string | undefined, limit: number, offset: number): Promise<{ items: MemberRecord[]; total: number }> {
  const inChain = eq(members.chainId, chainId);
  const where = q ? and(inChain, matching(q)) : inChain;
  const [rows, [counted]] = await Promise.all([
    selectMembers(db, where).orderBy(asc(members.cardNo)).limit(limit).offset(offset),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { items: rows.map(toMemberRecord), total: counted?.n ?? 0 };
}

export async function findMemberRecord(db: Db, chainId: string, id: string): Promise<MemberRecord | undefined> {
  const [row] = await selectMembers(db, and(eq(members.chainId, chainId), eq(members.id, id)));
  return row && toMemberRecord(row);
}

import { phoneInMemberCode, type FoundMember, type MemberRecord } from '@pos/shared';
import { and, asc, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberLevels, members } from '../pricing/pricing.tables';
import { pinyinQuery } from '../catalog/pinyin';
import { maskPhone } from './mask-phone';
import { memberCards } from './membership.tables';

/**
 * The member (the `members` row of the query around it) holds a card that meets `condition`;
 * the outer columns are named with their table, since drizzle leaves it off in a one-table select.
 */
const holdsCard = (condition: SQL) => sql`exists (select 1 from ${memberCards} c
  where c.chain_id = "members"."chain_id" and c.member_id = "members"."id" and ${condition})`;

/** The member's active card's number (the first issued, should a merge have brought two), null without one. */
export const activeCardNo = sql<string | null>`(select c.card_no from ${memberCards} c
  where c.chain_id = "members"."chain_id" and c.member_id = "members"."id" and c.status = 'active' order by c.issued_at, c.id limit 1)`;

const columns = {
  id: members.id, cardNo: activeCardNo.as('card_no'), name: members.name, phone: members.phone, birthday: members.birthday, active: members.active, createdAt: members.createdAt,
  levelId: memberLevels.id, levelCode: memberLevels.code, levelNameZh: memberLevels.nameZh, levelNameEn: memberLevels.nameEn,
};

function selectMembers(db: Db, where: SQL | undefined) {
  return db.select(columns).from(members)
    .innerJoin(memberLevels, and(eq(memberLevels.chainId, members.chainId), eq(memberLevels.id, members.levelId)))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectMembers>>[number];

const levelOf = (row: Row) => ({ id: row.levelId, code: row.levelCode, nameZh: row.levelNameZh, nameEn: row.levelNameEn });

export const toMemberRecord = (row: Row): MemberRecord => ({
  id: row.id, cardNo: row.cardNo, name: row.name, phoneMasked: row.phone === null ? null : maskPhone(row.phone),
  level: levelOf(row), birthday: row.birthday, active: row.active, createdAt: row.createdAt.toISOString(),
});

/** The active member holding the active card `cardNo`, if any. */
export async function findMemberByActiveCard(db: Db, chainId: string, cardNo: string): Promise<FoundMember | undefined> {
  const [row] = await selectMembers(db, and(eq(members.chainId, chainId), eq(members.active, true), holdsCard(sql`c.card_no = ${cardNo} and c.status = 'active'`)));
  return row ? { ...toFoundMember(row), cardNo } : undefined;
}

/** The active member with this mobile number who holds an active card, if any (an active member's number is theirs alone). */
export async function findMemberByPhone(db: Db, chainId: string, phone: string): Promise<FoundMember | undefined> {
  const [row] = await selectMembers(db, and(eq(members.chainId, chainId), eq(members.active, true), eq(members.phone, phone)));
  return row?.cardNo ? toFoundMember(row) : undefined;
}

function toFoundMember(row: Row): FoundMember {
  const { active: _active, createdAt: _createdAt, ...found } = toMemberRecord(row);
  return { ...found, cardNo: row.cardNo ?? '' };
}

/** The status of the card with this number, whoever holds it; undefined when the chain has no such card. */
export async function cardStatusOf(db: Db, chainId: string, cardNo: string): Promise<string | undefined> {
  const [card] = await db.select({ status: memberCards.status }).from(memberCards).where(and(eq(memberCards.chainId, chainId), eq(memberCards.cardNo, cardNo)));
  return card?.status;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A name by its pinyin: the initials by their start (`zw` finds 张伟), the whole syllables by their start (`zhangw`). */
function byPinyin(q: string): SQL | undefined {
  const keys = /^[A-Za-z][A-Za-z\s']*$/.test(q) ? pinyinQuery(q) : '';
  return keys ? or(like(members.nameInitials, `${keys}%`), like(members.namePinyin, `${keys}%`)) : undefined;
}

/**
 * What a search matches: the start of any of the member's card numbers, a name by any part or
 * by its pinyin, and a mobile number only whole or by its last four digits (which the mask
 * shows anyway). No part of the middle is ever matched, so no run of searches can uncover the
 * digits a mask hides.
 */
function matching(q: string): SQL | undefined {
  const text = escapeLike(q);
  const phone = phoneInMemberCode(q.replace(/[\s-]/g, '').replace(/^\+/, ''));
  const byPhone = phone ? eq(members.phone, phone) : /^\d{4}$/.test(q) ? like(members.phone, `%${text}`) : undefined;
  const byCard = /^\d+$/.test(q) ? holdsCard(sql`c.card_no like ${`${text}%`}`) : undefined;
  return or(byCard, ilike(members.name, `%${text}%`), byPinyin(q), byPhone);
}

/** Members a search matches (see `matching`), or every member when there is no search; by active card number. */
export async function findMembers(db: Db, chainId: string, q: string | undefined, limit: number, offset: number): Promise<{ items: MemberRecord[]; total: number }> {
  const inChain = eq(members.chainId, chainId);
  const where = q ? and(inChain, matching(q)) : inChain;
  const [rows, [counted]] = await Promise.all([
    selectMembers(db, where).orderBy(sql`card_no asc nulls last`, asc(members.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { items: rows.map(toMemberRecord), total: counted?.n ?? 0 };
}

export async function findMemberRecord(db: Db, chainId: string, id: string): Promise<MemberRecord | undefined> {
  const [row] = await selectMembers(db, and(eq(members.chainId, chainId), eq(members.id, id)));
  return row && toMemberRecord(row);
}

/** Members by their ids, as records, in the order given. */
export async function findMemberRecords(db: Db, chainId: string, ids: string[]): Promise<MemberRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectMembers(db, and(eq(members.chainId, chainId), inArray(members.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, toMemberRecord(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

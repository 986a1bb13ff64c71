import type { MemberMessageList, MemberMessageQuery } from '@pos/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { containing, orderOf } from '../db/list-query';
import type { Db } from '../db/client';
import { maskPhone } from '../members/mask-phone';
import { members } from '../pricing/pricing.tables';
import { memberMessages } from './member-messages.tables';

/** The chain's messages to members by when they were queued, by status, kind, the member's name or the phone's last four digits when asked. */
export async function listMemberMessages(db: Db, chainId: string, query: MemberMessageQuery): Promise<MemberMessageList> {
  const filters: SQL[] = [eq(memberMessages.chainId, chainId)];
  if (query.status) filters.push(eq(memberMessages.status, query.status));
  if (query.kind) filters.push(eq(memberMessages.kind, query.kind));
  if (query.q) filters.push(sql`(${members.name} like ${containing(query.q)} or right(${memberMessages.phone}, 4) = ${query.q})`);
  const where = and(...filters);
  const joined = and(eq(members.chainId, memberMessages.chainId), eq(members.id, memberMessages.memberId));
  const [rows, [counted]] = await Promise.all([
    db.select({ message: memberMessages, memberName: members.name }).from(memberMessages).innerJoin(members, joined).where(where)
      .orderBy(...orderOf({ createdAt: memberMessages.createdAt }, query.sort, 'createdAt', query.order, memberMessages.id))
      .limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(memberMessages).innerJoin(members, joined).where(where),
  ]);
  return {
    total: counted?.n ?? 0,
    items: rows.map(({ message: m, memberName }) => ({
      id: m.id, memberId: m.memberId, memberName, phoneMasked: maskPhone(m.phone), kind: m.kind, text: m.text, status: m.status,
      attempts: m.attempts, lastError: m.lastError, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

import type { AuditEntry, AuditQuery } from '@pos/shared';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { clerks, tillDevices, users } from '../org/org.tables';
import { auditEntries } from './audit.tables';

/** What a caller who is not HQ may read: entries about their stores, and about the people and franchisee of those stores. */
export interface AuditVisibility {
  storeIds: string[];
  franchiseeId: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const a = auditEntries;

function visibleTo(chainId: string, { storeIds, franchiseeId }: AuditVisibility): SQL {
  const mine = franchiseeId ? sql`or ${users.franchiseeId} = ${franchiseeId}` : sql``;
  const about = [
    ...(storeIds.length ? [
      inArray(a.storeId, storeIds),
      and(eq(a.entity, 'store'), inArray(a.entityId, storeIds)),
      and(eq(a.entity, 'clerk'), inArray(a.entityId, sql`(select ${clerks.id}::text from ${clerks} where ${clerks.chainId} = ${chainId} and ${inArray(clerks.storeId, storeIds)})`)),
    ] : []),
    and(eq(a.entity, 'user'), inArray(a.entityId, sql`(select ${users.id}::text from ${users} where ${users.chainId} = ${chainId}
      and (${storeIds.length ? inArray(users.storeId, storeIds) : sql`false`} ${mine}))`)),
    ...(franchiseeId ? [and(eq(a.entity, 'franchisee'), eq(a.entityId, franchiseeId))] : []),
  ];
  return or(...about)!;
}

const actorName = sql<string | null>`coalesce(${users.name}, ${clerks.name}, ${tillDevices.code} || ' ' || ${tillDevices.name})`;

function matching(chainId: string, query: AuditQuery, visibility: AuditVisibility | null): SQL {
  const like = query.q ? `%${escapeLike(query.q)}%` : null;
  return and(
    eq(a.chainId, chainId),
    visibility ? visibleTo(chainId, visibility) : undefined,
    query.entity ? inArray(a.entity, query.entity.split(',')) : undefined,
    query.entityId ? eq(a.entityId, query.entityId) : undefined,
    query.actorId ? eq(a.actorId, query.actorId) : undefined,
    query.from ? gte(a.at, new Date(query.from)) : undefined,
    query.to ? lt(a.at, new Date(query.to)) : undefined,
    like ? or(ilike(a.entityId, like), ilike(a.entity, like), ilike(a.action, like), ilike(actorName, like),
      ilike(sql`${a.before}::text`, like), ilike(sql`${a.after}::text`, like)) : undefined,
  )!;
}

/** One page of the trail a caller may read, newest first by default, with the actor's name, and how many entries match in all (a window over the same rows). */
export async function findAuditEntries(db: Db, chainId: string, query: AuditQuery, visibility: AuditVisibility | null): Promise<{ items: AuditEntry[]; total: number }> {
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await db.select({
    id: a.id, at: a.at, actorKind: a.actorKind, actorId: a.actorId, actorName, entity: a.entity, entityId: a.entityId,
    action: a.action, storeId: a.storeId, before: a.before, after: a.after, total: sql<number>`count(*) over ()`.mapWith(Number),
  }).from(a)
    .leftJoin(users, and(eq(a.actorKind, 'user'), eq(users.chainId, a.chainId), eq(users.id, a.actorId)))
    .leftJoin(clerks, and(eq(a.actorKind, 'clerk'), eq(clerks.chainId, a.chainId), eq(clerks.id, a.actorId)))
    .leftJoin(tillDevices, and(eq(a.actorKind, 'device'), eq(tillDevices.chainId, a.chainId), eq(tillDevices.id, a.actorId)))
    .where(matching(chainId, query, visibility))
    .orderBy(direction(a.at), direction(a.id)).limit(query.limit).offset(query.offset);
  const items = rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), actor: { kind: r.actorKind, id: r.actorId, name: r.actorName }, entity: r.entity, entityId: r.entityId,
    action: r.action, storeId: r.storeId, before: r.before, after: r.after,
  }));
  if (rows[0] || query.offset === 0) return { items, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total; only then is it counted on its own.
  const [counted] = await db.select({ n: count() }).from(a)
    .leftJoin(users, and(eq(a.actorKind, 'user'), eq(users.chainId, a.chainId), eq(users.id, a.actorId)))
    .leftJoin(clerks, and(eq(a.actorKind, 'clerk'), eq(clerks.chainId, a.chainId), eq(clerks.id, a.actorId)))
    .leftJoin(tillDevices, and(eq(a.actorKind, 'device'), eq(tillDevices.chainId, a.chainId), eq(tillDevices.id, a.actorId)))
    .where(matching(chainId, query, visibility));
  return { items, total: counted?.n ?? 0 };
}

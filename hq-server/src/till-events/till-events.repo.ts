import { minor, type TillEventKind, type TillEventList, type TillEventsQuery } from '@pos/shared';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { StoreInScope } from '../http/scope';
import { clerks, tillDevices } from '../org/org.tables';
import { tillEvents } from './till-events.tables';

const presser = alias(clerks, 'presser');
const approver = alias(clerks, 'approver');

const sortColumns = { completedAt: tillEvents.completedAt, event: tillEvents.event } as const;

/**
 * Till events of these stores, with the till, the clerk who pressed the key and the manager who
 * approved it (when one did). Filtered by business day in the store's own calendar; ties are
 * broken by id so pages never repeat a row.
 */
export async function findTillEvents(db: Db, chainId: string, stores: readonly StoreInScope[], q: TillEventsQuery): Promise<TillEventList> {
  if (stores.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [eq(tillEvents.chainId, chainId), inArray(tillEvents.storeId, stores.map((s) => s.id))];
  if (q.from) conditions.push(gte(tillEvents.businessDate, q.from));
  if (q.to) conditions.push(lte(tillEvents.businessDate, q.to));
  if (q.event && q.event.length > 0) conditions.push(inArray(tillEvents.event, q.event));
  const where = and(...conditions);
  const direction = q.order === 'asc' ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    db.select({
      event: tillEvents, deviceCode: tillDevices.code,
      presserCode: presser.code, presserName: presser.name, approverCode: approver.code, approverName: approver.name,
    }).from(tillEvents)
      .innerJoin(tillDevices, and(eq(tillDevices.chainId, tillEvents.chainId), eq(tillDevices.id, tillEvents.deviceId)))
      .innerJoin(presser, and(eq(presser.chainId, tillEvents.chainId), eq(presser.id, tillEvents.clerkId)))
      .leftJoin(approver, and(eq(approver.chainId, tillEvents.chainId), eq(approver.id, tillEvents.approvedBy)))
      .where(where)
      .orderBy(direction(sortColumns[q.sort]), direction(tillEvents.id))
      .limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(tillEvents).where(where),
  ]);
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    total: counted?.n ?? 0,
    items: rows.map(({ event: e, ...r }) => ({
      id: e.id, event: e.event as TillEventKind, completedAt: e.completedAt.toISOString(), businessDate: e.businessDate,
      storeId: e.storeId, storeCode: storeCode.get(e.storeId) ?? '', deviceCode: r.deviceCode,
      clerk: { id: e.clerkId, code: r.presserCode, name: r.presserName },
      ticket: e.lineCount !== null && e.grossMinor !== null && e.netMinor !== null && e.currency !== null
        ? { lineCount: e.lineCount, grossMinor: minor(e.grossMinor), netMinor: minor(e.netMinor), currency: e.currency }
        : null,
      receiptNo: e.receiptNo,
      approvedBy: e.approvedBy !== null && r.approverCode !== null && r.approverName !== null ? { id: e.approvedBy, code: r.approverCode, name: r.approverName } : null,
    })),
  };
}

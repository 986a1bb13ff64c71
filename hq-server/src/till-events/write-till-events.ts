import type { TillEvent } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tillEvents } from './till-events.tables';

type TillEventRow = typeof tillEvents.$inferInsert;

/** The row of one till event, its business day reckoned in the store's time zone by the caller. */
export function tillEventRow(chainId: string, event: TillEvent, businessDate: string, receivedAt: Date): TillEventRow {
  const { ticket, approval } = event;
  return {
    chainId, id: event.id, storeId: event.storeId, deviceId: event.deviceId, event: event.event, clerkId: event.clerkId,
    businessDate, completedAt: new Date(event.completedAt),
    lineCount: ticket?.lineCount ?? null, grossMinor: ticket?.grossMinor ?? null, netMinor: ticket?.netMinor ?? null, currency: ticket?.currency ?? null,
    receiptNo: event.receiptNo,
    approvalId: approval?.id ?? null, approvedBy: approval?.approvedBy ?? null, approvedAt: approval ? new Date(approval.at) : null,
    receivedAt,
  };
}

/** Inserts the rows once: an id already stored is left as it is. Answers the ids actually inserted. */
export async function writeTillEvents(db: Db, rows: TillEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inserted = await db.insert(tillEvents).values(sorted).onConflictDoNothing().returning({ id: tillEvents.id });
  return new Set(inserted.map((r) => r.id));
}

/** The store and till that made each of these stored events. */
export async function tillEventOwners(db: Db, chainId: string, ids: string[]): Promise<Map<string, { storeId: string; deviceId: string }>> {
  const rows = await db.select({ id: tillEvents.id, storeId: tillEvents.storeId, deviceId: tillEvents.deviceId }).from(tillEvents)
    .where(and(eq(tillEvents.chainId, chainId), inArray(tillEvents.id, ids)));
  return new Map(rows.map(({ id, ...owner }) => [id, owner]));
}

import { businessDate, TillEvent, uuidv7 } from '@pos/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import { sales } from '../sales/sales.tables';
import { tillEventRow, writeTillEvents } from '../till-events/write-till-events';
import type { Random } from './random';

interface TillEventsInput {
  chainId: string;
  random: Random;
  stores: { id: string; timeZone: string }[];
  clerks: { id: string; storeId: string; role: string }[];
}

/**
 * A few keys used without a sale in each store, so the office's till-event list has something at
 * first start: a drawer opened by a cashier with the store manager's approval, and the store's last
 * receipt printed again by a cashier whose role allows it.
 */
export async function seedDemoTillEvents(deps: Deps, input: TillEventsInput): Promise<number> {
  const { db, clock } = deps;
  const rows: ReturnType<typeof tillEventRow>[] = [];
  for (const store of input.stores) {
    const cashier = input.clerks.find((c) => c.storeId === store.id && c.role === 'cashier');
    const manager = input.clerks.find((c) => c.storeId === store.id && c.role === 'store_manager');
    const [last] = await db.select({ receiptNo: sales.receiptNo, completedAt: sales.completedAt, deviceId: sales.deviceId }).from(sales)
      .where(and(eq(sales.chainId, input.chainId), eq(sales.storeId, store.id))).orderBy(desc(sales.completedAt)).limit(1);
    if (!cashier || !manager || !last) continue;
    const at = (offsetMs: number) => new Date(last.completedAt.getTime() + offsetMs);
    const id = (instant: Date) => uuidv7(instant.getTime(), input.random.bytes(10));
    const base = { kind: 'till_event', storeId: store.id, deviceId: last.deviceId, clerkId: cashier.id, ticket: null } as const;
    const opened = at(120_000);
    const events = [
      TillEvent.parse({
        ...base, id: id(opened), completedAt: opened.toISOString(), event: 'no_sale', receiptNo: null,
        approval: { id: id(opened), key: 'no_sale', lineId: null, requestedBy: cashier.id, approvedBy: manager.id, at: at(100_000).toISOString() },
      }),
      TillEvent.parse({ ...base, id: id(at(60_000)), completedAt: at(60_000).toISOString(), event: 'reprint', receiptNo: last.receiptNo, approval: null }),
    ];
    rows.push(...events.map((e) => tillEventRow(input.chainId, e, businessDate(e.completedAt, store.timeZone), clock())));
  }
  await writeTillEvents(db, rows);
  return rows.length;
}

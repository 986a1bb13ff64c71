import { uuidv7, type TillReport } from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { query } from '../db/query';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { tillDevices } from '../org/org.tables';
import { syncRejections, tillSyncStatus } from '../till-monitor/till-monitor.tables';
import type { Random } from './random';

const minutes = (n: number) => n * 60_000;

/**
 * What HQ heard last from a few tills, so the till monitor shows something at first start: T003
 * up to date, T004 with sales waiting behind a failing connection, T005 and T009 each with a sale
 * HQ rejected, T006 silent for hours with documents waiting. The other tills have not synced yet.
 */
export async function seedDemoTillMonitor({ db, clock }: Deps, chainId: string, random: Random): Promise<void> {
  const now = clock().getTime();
  const at = (ago: number) => new Date(now - ago);
  const devices = await db.select({ id: tillDevices.id, code: tillDevices.code, storeId: tillDevices.storeId }).from(tillDevices)
    .where(and(eq(tillDevices.chainId, chainId), inArray(tillDevices.code, ['T003', 'T004', 'T005', 'T006', 'T009'])));
  const byCode = new Map(devices.map((d) => [d.code, d]));
  const [head] = await query<{ last_value: string | number }>(db, sql`select last_value from sync_change_seq`);
  const cursor = Number(head?.last_value ?? 0);
  const documentId = (ago: number) => uuidv7(now - ago, random.bytes(10));
  const rejectedSale = { T005: documentId(minutes(95)), T009: documentId(minutes(30)) };
  const report = (over: Partial<TillReport>): TillReport => ({
    waitingCount: 0, oldestWaitingAt: null, rejectedCount: 0, rejectedIds: [], appVersion: '1.0.0', cursor, lastError: null, ...over,
  });
  const contacts: { code: string; ago: number; report: TillReport; behind?: number }[] = [
    { code: 'T003', ago: minutes(2), report: report({}) },
    {
      code: 'T004', ago: minutes(18),
      report: report({ waitingCount: 12, oldestWaitingAt: at(minutes(41)).toISOString(), lastError: { code: 'HQ_UNREACHABLE', message: 'HQ could not be reached', at: at(minutes(1)).toISOString() } }),
    },
    { code: 'T005', ago: minutes(4), report: report({ rejectedCount: 1, rejectedIds: [rejectedSale.T005] }) },
    { code: 'T006', ago: minutes(5 * 60), report: report({ waitingCount: 7, oldestWaitingAt: at(minutes(6 * 60)).toISOString() }), behind: 1 },
    { code: 'T009', ago: minutes(6), report: report({ rejectedCount: 1, rejectedIds: [rejectedSale.T009] }) },
  ];
  const rows = contacts.flatMap((c) => {
    const device = byCode.get(c.code);
    if (!device) return [];
    const contact = at(c.ago);
    return [{ chainId, deviceId: device.id, lastPullAt: contact, lastPushAt: contact, report: c.report, reportAt: contact, servedCursor: c.behind ? Math.max(0, cursor - 40) : cursor }];
  });
  if (rows.length) await db.insert(tillSyncStatus).values(rows);
  const rejections = (['T005', 'T009'] as const).flatMap((code) => {
    const device = byCode.get(code);
    if (!device) return [];
    const when = at(code === 'T005' ? minutes(90) : minutes(25));
    return [{
      chainId, id: newId(clock), deviceId: device.id, storeId: device.storeId, documentId: rejectedSale[code], kind: 'sale', code: 'VALIDATION_FAILED',
      message: 'the document refers to rows HQ does not know', firstRejectedAt: when, lastRejectedAt: when,
    }];
  });
  if (rejections.length) await db.insert(syncRejections).values(rejections);
}

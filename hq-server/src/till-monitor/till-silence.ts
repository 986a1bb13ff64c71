import { defaultTillSyncSettings } from '@pos/shared';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chains, tillDevices } from '../org/org.tables';
import { syncRejections, tillSyncSettings, tillSyncStatus } from './till-monitor.tables';

export interface TillContact {
  revokedAt: Date | null;
  pairedAt: Date | null;
  lastPullAt: Date | null;
  lastPushAt: Date | null;
}

/** The till's last pull or push, in epoch milliseconds; null when it never synced. */
export function lastContactOf(till: Pick<TillContact, 'lastPullAt' | 'lastPushAt'>): number | null {
  const contacts = [till.lastPullAt, till.lastPushAt].filter((x): x is Date => x !== null).map((x) => x.getTime());
  return contacts.length ? Math.max(...contacts) : null;
}

/**
 * Silent: in service (not revoked) and not heard of (its last pull or push, else its pairing) for
 * longer than the chain allows. A till never paired has nothing to be silent about.
 */
export function isSilent(till: TillContact, silentAfterMinutes: number, now: Date): boolean {
  const heardOf = lastContactOf(till) ?? till.pairedAt?.getTime() ?? null;
  return till.revokedAt === null && heardOf !== null && heardOf < now.getTime() - silentAfterMinutes * 60_000;
}

export interface ChainTills {
  chain: string;
  /** Paired and not revoked. */
  inService: number;
  silent: number;
}

/** Per chain (by code): its tills in service and how many of them are silent by the chain's setting, as the till monitor judges them. */
export async function tillSilenceByChain(db: Db, now: Date): Promise<ChainTills[]> {
  const rows = await db
    .select({
      chain: chains.code, revokedAt: tillDevices.revokedAt, pairedAt: tillDevices.pairedAt,
      lastPullAt: tillSyncStatus.lastPullAt, lastPushAt: tillSyncStatus.lastPushAt, silentAfterMinutes: tillSyncSettings.silentAfterMinutes,
    })
    .from(tillDevices)
    .innerJoin(chains, eq(chains.id, tillDevices.chainId))
    .leftJoin(tillSyncStatus, and(eq(tillSyncStatus.chainId, tillDevices.chainId), eq(tillSyncStatus.deviceId, tillDevices.id)))
    .leftJoin(tillSyncSettings, eq(tillSyncSettings.chainId, tillDevices.chainId));
  const byChain = new Map<string, ChainTills>();
  for (const row of rows) {
    const tally = byChain.get(row.chain) ?? { chain: row.chain, inService: 0, silent: 0 };
    byChain.set(row.chain, tally);
    if (row.revokedAt !== null || row.pairedAt === null) continue;
    tally.inService += 1;
    if (isSilent(row, row.silentAfterMinutes ?? defaultTillSyncSettings.silentAfterMinutes, now)) tally.silent += 1;
  }
  return [...byChain.values()];
}

/** Per chain (by code): rejected documents that wait for a manager to resend or settle them. */
export async function openRejectionsByChain(db: Db): Promise<{ chain: string; open: number }[]> {
  return db
    .select({ chain: chains.code, open: count() })
    .from(syncRejections)
    .innerJoin(chains, eq(chains.id, syncRejections.chainId))
    .where(inArray(syncRejections.status, ['open', 'resend']))
    .groupBy(chains.code);
}

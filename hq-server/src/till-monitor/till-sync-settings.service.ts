import { defaultTillSyncSettings, type TillSyncSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { tillSyncSettings } from './till-monitor.tables';

/** The chain's till sync settings, or the defaults when it never set any. */
export async function loadTillSyncSettings(db: Db, chainId: string): Promise<TillSyncSettings> {
  const [row] = await db
    .select({ silentAfterMinutes: tillSyncSettings.silentAfterMinutes, minAppVersion: tillSyncSettings.minAppVersion })
    .from(tillSyncSettings)
    .where(eq(tillSyncSettings.chainId, chainId));
  return row ?? defaultTillSyncSettings;
}

export async function saveTillSyncSettings({ db, clock }: Deps, principal: Principal, settings: TillSyncSettings): Promise<TillSyncSettings> {
  return db.transaction(async (tx) => {
    const before = await loadTillSyncSettings(tx, principal.chainId);
    await tx
      .insert(tillSyncSettings)
      .values({ chainId: principal.chainId, ...settings, updatedAt: clock() })
      .onConflictDoUpdate({ target: tillSyncSettings.chainId, set: { ...settings, updatedAt: clock() } });
    await recordAudit(tx, principal, clock, { entity: 'till_sync_settings', entityId: principal.chainId, action: 'update', before, after: settings });
    return settings;
  });
}

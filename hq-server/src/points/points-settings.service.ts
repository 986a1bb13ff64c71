import { defaultPointsSettings, type PointsSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { pointsSettings } from './points.tables';

/** The chain's points settings, or the defaults (100 points a yuan, no expiry) when it never saved any. */
export async function loadPointsSettings(db: Db, chainId: string): Promise<PointsSettings> {
  const [row] = await db.select().from(pointsSettings).where(eq(pointsSettings.chainId, chainId));
  if (!row) return defaultPointsSettings;
  const expiry = row.expiryKind === 'after_months' ? { kind: row.expiryKind, months: row.expiryMonths! } : { kind: row.expiryKind };
  return { redeemPointsPerYuan: row.redeemPointsPerYuan, expiry };
}

/** Saves the chain's points settings (HQ only), audited. A new expiry policy applies to every lot still held, counted from its earning day. */
export async function savePointsSettings({ db, clock }: Deps, principal: Principal, settings: PointsSettings): Promise<PointsSettings> {
  return db.transaction(async (tx) => {
    const before = await loadPointsSettings(tx, principal.chainId);
    const row = {
      redeemPointsPerYuan: settings.redeemPointsPerYuan, expiryKind: settings.expiry.kind,
      expiryMonths: settings.expiry.kind === 'after_months' ? settings.expiry.months : null, updatedAt: clock(),
    };
    await tx.insert(pointsSettings).values({ chainId: principal.chainId, ...row }).onConflictDoUpdate({ target: pointsSettings.chainId, set: row });
    await recordAudit(tx, principal, clock, { entity: 'points_settings', entityId: principal.chainId, action: 'update', before, after: settings });
    return settings;
  });
}

import { defaultPricingSettings, PricingSettings, type StorePricingSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { chainSettings } from '../org/org.tables';

/** The columns of a chain's settings row; the seed writes a new chain's row with them too. */
export function pricingSettingsColumns(settings: PricingSettings, now: Date) {
  return {
    cashRoundingUnitMinor: settings.cashRounding.unitMinor, cashRoundingMode: settings.cashRounding.mode, scaleLayouts: settings.scaleLayouts,
    returnPolicy: settings.returns, updatedAt: now,
  };
}

/** The stored row in its wire shape, parsed again: `scale_layouts` is jsonb, and a bad row should fail here, not on every till. */
function toPricingSettings(row: typeof chainSettings.$inferSelect): PricingSettings {
  return PricingSettings.parse({ cashRounding: { unitMinor: row.cashRoundingUnitMinor, mode: row.cashRoundingMode }, scaleLayouts: row.scaleLayouts, returns: row.returnPolicy });
}

const settingsRow = async (db: Db, chainId: string) => (await db.select().from(chainSettings).where(eq(chainSettings.chainId, chainId)))[0];

/** The chain's pricing settings; a chain without its row (made after migration 0005) prices with the defaults, as its tills do. */
export async function getPricingSettings(db: Db, chainId: string): Promise<PricingSettings> {
  const row = await settingsRow(db, chainId);
  return row ? toPricingSettings(row) : defaultPricingSettings;
}

/** Replaces the chain's settings whole; the row's change sequence moves, so every till picks them up at its next pull. */
export async function setPricingSettings({ db, clock }: Deps, principal: Principal, settings: PricingSettings): Promise<PricingSettings> {
  const columns = pricingSettingsColumns(settings, clock());
  return db.transaction(async (tx) => {
    const before = await getPricingSettings(tx, principal.chainId);
    const [row] = await tx.insert(chainSettings).values({ chainId: principal.chainId, ...columns })
      .onConflictDoUpdate({ target: chainSettings.chainId, set: columns })
      .returning();
    const after = toPricingSettings(row!);
    await recordAudit(tx, principal, clock, { entity: 'pricing_settings', entityId: principal.chainId, action: 'update', before, after });
    return after;
  });
}

/** What a chain without its settings row allows: HQ alone prices stores, with the column defaults' band. */
const defaultStorePricing: StorePricingSettings = { storePricingPolicy: 'hq_only', storePriceBandBp: 1000 };

/** The chain's store-pricing policy and default band (at HQ only: tills do not price by them). */
export async function getStorePricingSettings(db: Db, chainId: string): Promise<StorePricingSettings> {
  const row = await settingsRow(db, chainId);
  return row ? { storePricingPolicy: row.storePricingPolicy, storePriceBandBp: row.storePriceBandBp } : defaultStorePricing;
}

/**
 * Sets who may price stores and the default band. Only those columns change, so the row's change
 * sequence moves but tills receive the same cash rounding and layouts (the pull sends no more).
 */
export async function setStorePricingSettings({ db, clock }: Deps, principal: Principal, body: StorePricingSettings): Promise<StorePricingSettings> {
  return db.transaction(async (tx) => {
    const before = await getStorePricingSettings(tx, principal.chainId);
    const set = { ...body, updatedAt: clock() };
    await tx.insert(chainSettings).values({ chainId: principal.chainId, ...pricingSettingsColumns(defaultPricingSettings, clock()), ...set })
      .onConflictDoUpdate({ target: chainSettings.chainId, set });
    await recordAudit(tx, principal, clock, { entity: 'store_pricing_settings', entityId: principal.chainId, action: 'update', before, after: body });
    return body;
  });
}

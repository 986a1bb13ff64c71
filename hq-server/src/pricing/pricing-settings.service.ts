import { defaultPricingSettings, PricingSettings } from '@pos/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps } from '../http/app-env';
import { chainSettings } from '../org/org.tables';

/** The columns of a chain's settings row; the seed writes a new chain's row with them too. */
export function pricingSettingsColumns(settings: PricingSettings, now: Date) {
  return { cashRoundingUnitMinor: settings.cashRounding.unitMinor, cashRoundingMode: settings.cashRounding.mode, scaleLayouts: settings.scaleLayouts, updatedAt: now };
}

/** The stored row in its wire shape, parsed again: `scale_layouts` is jsonb, and a bad row should fail here, not on every till. */
function toPricingSettings(row: typeof chainSettings.$inferSelect): PricingSettings {
  return PricingSettings.parse({ cashRounding: { unitMinor: row.cashRoundingUnitMinor, mode: row.cashRoundingMode }, scaleLayouts: row.scaleLayouts });
}

/** The chain's pricing settings; a chain without its row (made after migration 0005) prices with the defaults, as its tills do. */
export async function getPricingSettings(db: Db, chainId: string): Promise<PricingSettings> {
  const [row] = await db.select().from(chainSettings).where(eq(chainSettings.chainId, chainId));
  return row ? toPricingSettings(row) : defaultPricingSettings;
}

/** Replaces the chain's settings whole; the row's change sequence moves, so every till picks them up at its next pull. */
export async function setPricingSettings({ db, clock }: Deps, chainId: string, settings: PricingSettings): Promise<PricingSettings> {
  const columns = pricingSettingsColumns(settings, clock());
  const [row] = await db.insert(chainSettings).values({ chainId, ...columns })
    .onConflictDoUpdate({ target: chainSettings.chainId, set: columns })
    .returning();
  return toPricingSettings(row!);
}

import { defaultPricingSettings, type PricingSettings } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** The chain's cash rounding and scale label layouts as last pulled; the defaults (none of either) until HQ's row arrives. */
export async function loadPricingSettings(db: TillDb): Promise<PricingSettings> {
  const row = await db.pricingSettings.toCollection().first();
  return row ? { cashRounding: row.cashRounding, scaleLayouts: row.scaleLayouts } : defaultPricingSettings;
}

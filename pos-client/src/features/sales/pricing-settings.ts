import { defaultPricingSettings, defaultReturnPolicy, type PricingSettings } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/** The chain's cash rounding, scale label layouts and return policy as last pulled; the defaults until HQ's row arrives (a row pulled before returns existed has the default policy). */
export async function loadPricingSettings(db: TillDb): Promise<PricingSettings> {
  const row = await db.pricingSettings.toCollection().first();
  return row ? { cashRounding: row.cashRounding, scaleLayouts: row.scaleLayouts, returns: row.returns ?? defaultReturnPolicy } : defaultPricingSettings;
}

import { defaultPricingSettings } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { createTestDb, scaleSettings } from '../../db/test-db.fixture';
import { loadPricingSettings } from './pricing-settings';

describe('loadPricingSettings', () => {
  it('gives the defaults until the chain\'s settings are pulled, then the pulled ones', async () => {
    const db = createTestDb();
    expect(await loadPricingSettings(db)).toEqual(defaultPricingSettings);
    await db.pricingSettings.put(scaleSettings);
    expect(await loadPricingSettings(db)).toEqual({ cashRounding: scaleSettings.cashRounding, scaleLayouts: scaleSettings.scaleLayouts });
  });
});

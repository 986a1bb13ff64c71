import { defaultPricingSettings, defaultReturnPolicy } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { createTestDb, scaleSettings } from '../../db/test-db.fixture';
import { loadPricingSettings } from './pricing-settings';

describe('loadPricingSettings', () => {
  it('gives the defaults until the chain\'s settings are pulled, then the pulled ones', async () => {
    const db = createTestDb();
    expect(await loadPricingSettings(db)).toEqual(defaultPricingSettings);
    await db.pricingSettings.put(scaleSettings);
    expect(await loadPricingSettings(db)).toEqual({ cashRounding: scaleSettings.cashRounding, scaleLayouts: scaleSettings.scaleLayouts, returns: scaleSettings.returns });
  });

  it('reads settings pulled before returns existed with the default return policy', async () => {
    const db = createTestDb();
    const { returns: _none, ...old } = scaleSettings;
    await db.pricingSettings.put(old as typeof scaleSettings);
    expect((await loadPricingSettings(db)).returns).toEqual(defaultReturnPolicy);
  });
});

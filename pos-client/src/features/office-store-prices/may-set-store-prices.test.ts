import { describe, expect, it } from 'vitest';
import { maySetStorePrices } from './may-set-store-prices';

describe('maySetStorePrices', () => {
  it('follows the chain’s policy for franchisees and store managers, and always lets HQ', () => {
    const table = (['hq_only', 'franchisee', 'franchisee_and_store_manager'] as const).map((policy) =>
      (['hq_admin', 'franchisee', 'store_manager', 'region_manager'] as const).map((role) => maySetStorePrices(role, policy)));
    expect(table).toEqual([[true, false, false, false], [true, true, false, false], [true, true, true, false]]);
  });
});

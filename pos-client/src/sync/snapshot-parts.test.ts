import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { snapshotParts } from './snapshot-parts';

const counts = (some: Partial<Record<SnapshotEntity, number>>) =>
  Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, some[e] ?? 0])) as Record<SnapshotEntity, number>;

describe('snapshotParts', () => {
  it('shows the large tables alone and the small ones together, in the order they load, with the whole', () => {
    const progress = {
      totals: counts({ store: 1, clerk: 5, category: 40, product: 1000, barcode: 990, price: 1010, promotion: 3, member_level: 2, cash_reason: 4 }),
      loaded: counts({ store: 1, clerk: 5, category: 40, product: 1000, barcode: 500 }),
      sellable: false,
    };
    expect(snapshotParts(progress)).toEqual({
      parts: [
        { name: 'setup', loaded: 46, total: 46 },
        { name: 'product', loaded: 1000, total: 1000 },
        { name: 'barcode', loaded: 500, total: 990 },
        { name: 'price', loaded: 0, total: 1010 },
        { name: 'rest', loaded: 0, total: 9 },
      ],
      loaded: 1546,
      total: 3055,
    });
  });
});

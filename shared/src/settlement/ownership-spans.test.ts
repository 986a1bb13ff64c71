import { describe, expect, it } from 'vitest';
import { franchiseeSpans } from './ownership-spans';

const november = { from: '2026-11-01', to: '2026-11-30' };

describe('franchiseeSpans', () => {
  it('gives a store with no change of owner to its owner for the whole period', () => {
    expect(franchiseeSpans('east', [{ storeId: 'S4', franchiseeId: 'east' }], [], november)).toEqual([{ storeId: 'S4', ...november }]);
    expect(franchiseeSpans('west', [{ storeId: 'S4', franchiseeId: 'east' }], [], november)).toEqual([]);
  });

  it('splits the period of a store handed over mid-period at the change’s effective day', () => {
    const stores = [{ storeId: 'S6', franchiseeId: 'west' }];
    const changes = [{ storeId: 'S6', effectiveOn: '2026-11-16', at: '2026-11-16T02:00:00Z', fromFranchiseeId: 'east', toFranchiseeId: 'west' }];
    expect(franchiseeSpans('east', stores, changes, november)).toEqual([{ storeId: 'S6', from: '2026-11-01', to: '2026-11-15' }]);
    expect(franchiseeSpans('west', stores, changes, november)).toEqual([{ storeId: 'S6', from: '2026-11-16', to: '2026-11-30' }]);
  });

  it('follows a store through HQ and back, the later recorded of two changes on one day winning', () => {
    const stores = [{ storeId: 'S6', franchiseeId: 'east' }];
    const changes = [
      { storeId: 'S6', effectiveOn: '2026-11-21', at: '2026-11-21T09:00:00Z', fromFranchiseeId: null, toFranchiseeId: 'east' },
      { storeId: 'S6', effectiveOn: '2026-11-10', at: '2026-11-10T09:00:00Z', fromFranchiseeId: 'east', toFranchiseeId: 'west' },
      { storeId: 'S6', effectiveOn: '2026-11-10', at: '2026-11-10T10:00:00Z', fromFranchiseeId: 'west', toFranchiseeId: null },
    ];
    expect(franchiseeSpans('east', stores, changes, november)).toEqual([{ storeId: 'S6', from: '2026-11-01', to: '2026-11-09' }, { storeId: 'S6', from: '2026-11-21', to: '2026-11-30' }]);
    expect(franchiseeSpans('west', stores, changes, november)).toEqual([]);
  });
});

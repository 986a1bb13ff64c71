import { describe, expect, it } from 'vitest';
import { auditDiff, readablePath } from './audit-diff';

describe('auditDiff', () => {
  it('lists only the leaves that changed, by dotted path', () => {
    const before = { cashRounding: { unitMinor: 1, mode: 'half_up' }, scaleLayouts: [] };
    const after = { cashRounding: { unitMinor: 10, mode: 'half_up' }, scaleLayouts: [] };
    expect(auditDiff(before, after)).toEqual([{ path: 'cashRounding.unitMinor', before: '1', after: '10' }]);
  });

  it('shows every field of a creation and of a deletion against nothing', () => {
    expect(auditDiff(null, { amountMinor: 950, storeId: 's' })).toEqual([
      { path: 'amountMinor', before: null, after: '950' }, { path: 'storeId', before: null, after: 's' },
    ]);
    expect(auditDiff({ minMinor: 1 }, null)).toEqual([{ path: 'minMinor', before: '1', after: null }]);
  });

  it('walks arrays by index and keeps an emptied list as a change', () => {
    expect(auditDiff({ ids: ['a', 'b'] }, { ids: ['a', 'c'] })).toEqual([{ path: 'ids.1', before: 'b', after: 'c' }]);
    expect(auditDiff({ ids: ['a'] }, { ids: [] })).toEqual([{ path: 'ids.0', before: 'a', after: null }, { path: 'ids', before: null, after: '[]' }]);
  });

  it('finds nothing when before and after are the same', () => {
    expect(auditDiff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });

  it('reads a field’s path as words, lists counted from one', () => {
    expect(readablePath('cashRounding.unitMinor')).toBe('cash rounding › unit minor');
    expect(readablePath('productIds.3')).toBe('product ids › #4');
    expect(readablePath('reports.store_day.perDay')).toBe('reports › store day › per day');
    expect(readablePath('nameZh')).toBe('name zh');
  });
});

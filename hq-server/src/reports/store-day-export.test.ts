import { describe, expect, it } from 'vitest';
import { storeDayCsv } from './store-day-export';

describe('store-day CSV', () => {
  it('writes amounts in yuan, quotes what needs it and defuses formulas', () => {
    const csv = storeDayCsv({
      from: '2026-11-01', to: '2026-11-01',
      rows: [{ storeId: '0195505c-0000-7000-8000-0000000000e1', storeCode: 'S001', storeName: '=HYPERLINK("x"),店', businessDate: '2026-11-01', salesMinor: 123405, tickets: 10, items: 25, averageBasketMinor: 12341 }],
      totals: { salesMinor: 123405, tickets: 10, items: 25, averageBasketMinor: 12341 },
    });
    expect(csv.split('\r\n')).toEqual([
      'business_date,store_code,store_name,sales,tickets,items,average_basket',
      `2026-11-01,S001,"'=HYPERLINK(""x""),店",1234.05,10,25,123.41`,
      'total,,,1234.05,10,25,123.41',
      '',
    ]);
  });
});

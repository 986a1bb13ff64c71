import { describe, expect, it } from 'vitest';
import { csvField, storeDayCsv } from './store-day-csv';

const headings = { date: 'Date', storeCode: 'Code', storeName: 'Store', sales: 'Sales', tickets: 'Tickets', items: 'Items', averageBasket: 'Basket', total: 'Total' };

describe('store-day CSV', () => {
  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes amounts as plain decimals, one line per store per day, then the totals', () => {
    const rows = [
      { storeId: 'x', storeCode: 'S001', storeName: '人民广场店', businessDate: '2026-11-22', salesMinor: 123_456, tickets: 10, items: 25, averageBasketMinor: 12_346 },
    ];
    const csv = storeDayCsv(rows, { salesMinor: 123_456, tickets: 10, items: 25, averageBasketMinor: 12_346 }, headings);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Date,Code,Store,Sales,Tickets,Items,Basket',
      '2026-11-22,S001,人民广场店,1234.56,10,25,123.46',
      'Total,,,1234.56,10,25,123.46',
      '',
    ]);
  });
});

import { noFigures, type FranchiseStatement, type StatementLine } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { statementCsv } from './statement-export';

const line = (values: Partial<StatementLine>): StatementLine => ({
  id: null, kind: 'royalty', amountMinor: 0, baseMinor: null, rateBp: null, figure: null, periodKey: null, storeId: null, otherStoreId: null,
  documentNo: null, date: null, reason: null, enteredByName: null, ...values,
});
const store = { id: '0195505c-0000-7000-8000-000000000004', code: 'S004', nameZh: '静安寺店', nameEn: "Jing'an Temple" };
const statement: FranchiseStatement = {
  id: '0195505c-0000-7000-8000-0000000000f1', no: 'F000001', status: 'approved', franchisee: { id: '0195505c-0000-7000-8000-0000000000e1', code: 'F01', name: 'East' },
  cycle: 'monthly', period: { key: '2026-11', from: '2026-11-01', to: '2026-11-30' }, royaltyRateBp: 500, stores: [store],
  sales: [], storedValue: [], figures: noFigures(),
  lines: [
    line({ kind: 'royalty', amountMinor: 10_000, baseMinor: 200_000, rateBp: 500, figure: 'net_sales' }),
    line({ kind: 'goods_returned', amountMinor: -4_041, storeId: store.id, documentNo: 'T000002', date: '2026-11-20', figure: 'goods_returned' }),
    line({ kind: 'adjustment', amountMinor: -5, reason: '=HYPERLINK("x"), with a comma' }),
  ],
  totals: { royaltyMinor: 10_000, goodsMinor: -4_041, storedValueMinor: 0, lateMinor: 0, feesMinor: 0, adjustmentsMinor: -5 },
  netMinor: 5_954, createdAt: null, createdByName: null, approvedAt: null, approvedByName: null,
};

describe('statementCsv', () => {
  it('writes every line, the totals and the net, amounts exact (negative ones as numbers too) and text quoted', () => {
    const rows = statementCsv(statement, 'en').split('\r\n');
    expect(rows.slice(0, 4)).toEqual([
      'Line,Store,Other store,Document,Date,Base,Rate,Amount',
      'Royalty on net sales,,,,,2000.00,5.00,100.00',
      'Goods returned,S004,,T000002,2026-11-20,,,-40.41',
      '"Adjustment: =HYPERLINK(""x""), with a comma",,,,,,,-0.05',
    ]);
    expect(rows.at(-2)).toBe('Net: the franchisee pays HQ,,,,,,,59.54');
  });
});

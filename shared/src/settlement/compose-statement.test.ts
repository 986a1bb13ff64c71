import { describe, expect, it } from 'vitest';
import { composeStatement, type StatementInputs } from './compose-statement';
import { noFigures } from './statement-figures';

const none: StatementInputs = { royaltyRateBp: 500, sales: [], goods: [], storedValue: [], earlier: [], entered: [] };
const sv = (storeId: string, values: Partial<StatementInputs['storedValue'][number]>) => ({ storeId, toppedUpMinor: 0, spentMinor: 0, paidOutMinor: 0, receivablesPaidMinor: 0, ...values });
const amounts = (inputs: StatementInputs) => composeStatement(inputs, '2026-11-01').lines.map((l) => [l.kind, l.figure, l.amountMinor]);

describe('composeStatement (golden cases)', () => {
  it('bills 5% royalty on two stores’ net sales, goods supplied less returned, and a fee', () => {
    const statement = composeStatement({
      ...none,
      sales: [{ storeId: 'S4', from: '2026-11-01', to: '2026-11-30', netSalesMinor: 1_234_567 }, { storeId: 'S5', from: '2026-11-01', to: '2026-11-30', netSalesMinor: 765_433 }],
      goods: [
        { kind: 'transfer_out', documentId: 't2', documentNo: 'T000002', storeId: 'S5', otherStoreId: 'S1', date: '2026-11-20', valueMinor: 45_000 },
        { kind: 'shipment', documentId: 's1', documentNo: 'S000001', storeId: 'S4', otherStoreId: null, date: '2026-11-03', valueMinor: 300_000 },
      ],
      entered: [{ id: 'fee1', kind: 'fee', amountMinor: 30_000, reason: 'POS system fee' }],
    }, '2026-11-01');
    expect(statement.lines.map((l) => [l.kind, l.documentNo, l.baseMinor, l.amountMinor])).toEqual([
      ['royalty', null, 2_000_000, 100_000],
      ['goods_supplied', 'S000001', null, 300_000],
      ['goods_returned', 'T000002', null, -45_000],
      ['fee', null, null, 30_000],
    ]);
    expect(statement.totals).toEqual({ royaltyMinor: 100_000, goodsMinor: 255_000, storedValueMinor: 0, lateMinor: 0, feesMinor: 30_000, adjustmentsMinor: 0 });
    expect(statement.netMinor).toBe(385_000);
    expect(statement.fixes).toEqual([{ periodFrom: '2026-11-01', figures: { ...noFigures(), net_sales: 2_000_000, goods_supplied: 300_000, goods_returned: 45_000 } }]);
  });

  it('settles stored value across stores: topped up here and spent elsewhere is owed to HQ, topped up elsewhere and spent here is owed by HQ', () => {
    // S4 took 500.00 that a member spent at another franchisee's store, and 100.00 spent back at S4;
    // S5 gave 200.00 of goods for money topped up at an HQ store.
    const inputs = { ...none, storedValue: [sv('S4', { toppedUpMinor: 60_000, spentMinor: 10_000 }), sv('S5', { spentMinor: 20_000 })] };
    const statement = composeStatement(inputs, '2026-11-01');
    expect(amounts(inputs)).toEqual([
      ['royalty', 'net_sales', 0],
      ['stored_value', 'stored_value_topped_up', 60_000],
      ['stored_value', 'stored_value_spent', -30_000],
    ]);
    expect(statement.totals.storedValueMinor).toBe(30_000);
    expect(statement.netMinor).toBe(30_000);
  });

  it('owes the franchisee when their stores gave more against stored value than they took, cash paid back and receivables paid off included', () => {
    const statement = composeStatement({ ...none, storedValue: [sv('S4', { toppedUpMinor: 10_000, spentMinor: 25_000, receivablesPaidMinor: 1_200 }), sv('S5', { paidOutMinor: 5_000 })] }, '2026-11-01');
    expect(statement.lines.filter((l) => l.kind === 'stored_value').map((l) => [l.figure, l.amountMinor])).toEqual([
      ['stored_value_topped_up', 10_000], ['stored_value_spent', -25_000], ['stored_value_paid_out', -5_000], ['stored_value_receivables_paid', -1_200],
    ]);
    expect(statement.netMinor).toBe(-21_200);
  });

  it('bills sales that arrived after an earlier period was approved as a late line, at that statement’s rate, and fixes the difference', () => {
    const october = { ...noFigures(), net_sales: 2_000_000, goods_supplied: 300_000 };
    const statement = composeStatement({
      ...none, royaltyRateBp: 600,
      earlier: [{ periodKey: '2026-10', from: '2026-10-01', royaltyRateBp: 500, fixed: october, current: { ...october, net_sales: 2_012_345 } }],
    }, '2026-11-01');
    expect(statement.lines.filter((l) => l.kind === 'late')).toEqual([expect.objectContaining({ figure: 'net_sales', periodKey: '2026-10', baseMinor: 12_345, rateBp: 500, amountMinor: 617 })]);
    expect(statement.fixes[1]).toEqual({ periodFrom: '2026-10-01', figures: { net_sales: 12_345 } });
    expect(statement.netMinor).toBe(617);
  });

  it('adds nothing for an earlier period whose figures stand as fixed', () => {
    const fixed = { ...noFigures(), net_sales: 5_000 };
    const statement = composeStatement({ ...none, earlier: [{ periodKey: '2026-10', from: '2026-10-01', royaltyRateBp: 500, fixed, current: fixed }] }, '2026-11-01');
    expect(statement.lines.map((l) => l.kind)).toEqual(['royalty']);
    expect(statement.fixes).toHaveLength(1);
  });

  it('rounds the royalty half away from zero, returns beyond sales included', () => {
    expect(composeStatement({ ...none, royaltyRateBp: 550, sales: [{ storeId: 'S4', from: '2026-11-01', to: '2026-11-30', netSalesMinor: 12_345 }] }, '2026-11-01').totals.royaltyMinor).toBe(679);
    expect(composeStatement({ ...none, royaltyRateBp: 550, sales: [{ storeId: 'S4', from: '2026-11-01', to: '2026-11-30', netSalesMinor: -12_345 }] }, '2026-11-01').totals.royaltyMinor).toBe(-679);
  });

  it('gives the same statement for the same inputs in any order', () => {
    const goods = [
      { kind: 'shipment' as const, documentId: 'a', documentNo: 'S000009', storeId: 'S4', otherStoreId: null, date: '2026-11-09', valueMinor: 1 },
      { kind: 'shipment' as const, documentId: 'b', documentNo: 'S000003', storeId: 'S5', otherStoreId: null, date: '2026-11-09', valueMinor: 2 },
    ];
    expect(composeStatement({ ...none, goods }, '2026-11-01')).toEqual(composeStatement({ ...none, goods: [...goods].reverse() }, '2026-11-01'));
  });
});

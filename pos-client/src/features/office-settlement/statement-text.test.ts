import type { StatementLine } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { lineWords, netWords } from './statement-text';

const line = (values: Partial<StatementLine>): StatementLine => ({
  id: null, kind: 'royalty', amountMinor: 0, baseMinor: null, rateBp: null, figure: null, periodKey: null, storeId: null, otherStoreId: null,
  documentNo: null, date: null, reason: null, enteredByName: null, ...values,
});
const store = (id: string | null) => (id === 's1' ? 'S001 People’s Square' : '?');

describe('statement words', () => {
  it('names the royalty with its rate and base, and a late sale with its period', () => {
    expect(lineWords(line({ kind: 'royalty', rateBp: 550, baseMinor: 123_456 }), store)).toEqual({ key: 'office.settlement.line.royalty', params: { rate: '5.50', base: '¥1,234.56' } });
    expect(lineWords(line({ kind: 'late', figure: 'net_sales', periodKey: '2026-11', rateBp: 500, baseMinor: 1_000 }), store))
      .toEqual({ key: 'office.settlement.late.net_sales', params: { period: '2026-11', rate: '5.00', base: '¥10.00' } });
  });

  it('tells a shipment from HQ’s centre from goods another store sent, and names a stored-value figure', () => {
    expect(lineWords(line({ kind: 'goods_supplied' }), store).key).toBe('office.settlement.line.shipment');
    expect(lineWords(line({ kind: 'goods_returned', otherStoreId: 's1' }), store)).toEqual({ key: 'office.settlement.line.transferOut', params: { store: 'S001 People’s Square' } });
    expect(lineWords(line({ kind: 'stored_value', figure: 'stored_value_spent' }), store).key).toBe('office.settlement.line.stored_value_spent');
  });

  it('says who owes whom', () => {
    const franchisee = { id: 'f', code: 'F01', name: 'East' };
    expect(netWords({ netMinor: 2_500, franchisee })).toEqual({ key: 'office.settlement.net.franchiseePays', params: { name: 'East', amount: '¥25.00' } });
    expect(netWords({ netMinor: -2_500, franchisee }).key).toBe('office.settlement.net.hqPays');
    expect(netWords({ netMinor: 0, franchisee }).key).toBe('office.settlement.net.even');
  });
});

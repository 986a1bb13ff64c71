import { describe, expect, it } from 'vitest';
import { minor, type SaleApproval } from '@pos/shared';
import { ids } from '../../db/test-db.fixture';
import type { Basket, BasketLine } from '../sales/basket';
import { buildTillEvent, voidedTicketOf } from './build-till-event';

const at = new Date('2025-03-01T10:00:30.000Z');
const manager = '0195505c-0000-7000-8000-0000000000c2';
const context = { id: '0195505c-0000-7000-8000-0000000000e1', at, storeId: ids.store, deviceId: ids.device, currency: 'CNY', clerkId: ids.clerk };
const approval = (key: SaleApproval['key']): SaleApproval => ({ id: '0195505c-0000-7000-8000-0000000000e2', key, lineId: null, requestedBy: ids.clerk, approvedBy: manager, at: at.toISOString() });

const line = (id: string, unitPriceMinor: number, quantity: number): BasketLine => ({
  id, productId: ids.cola, barcode: null, nameZh: '可乐', nameEn: 'Cola', quantity, unitPriceMinor: minor(unitPriceMinor), categoryId: null, ancestorCategoryIds: [], brandId: null,
});
const basket: Basket = { lines: [line('a', 350, 2), line('b', 1200, 1)], startedAt: at.toISOString(), selectedId: 'b' };

describe('buildTillEvent', () => {
  it('records a drawer opened with a manager’s approval, the approval naming no line', () => {
    const event = buildTillEvent(context, { event: 'no_sale', approval: approval('no_sale') });
    expect(event).toEqual({
      kind: 'till_event', id: context.id, storeId: ids.store, deviceId: ids.device, completedAt: '2025-03-01T10:00:30.000Z', clerkId: ids.clerk,
      event: 'no_sale', ticket: null, receiptNo: null, approval: approval('no_sale'),
    });
  });

  it('records what a voided basket held: its lines, gross at their prices and net after discounts', () => {
    const event = buildTillEvent(context, { event: 'void_ticket', approval: null, basket, netMinor: minor(1700) });
    expect(event.ticket).toEqual({ lineCount: 2, grossMinor: 1900, netMinor: 1700, currency: 'CNY' });
    expect(event.approval).toBeNull();
  });

  it('takes the gross as the net while the basket has no priced total yet', () => {
    expect(voidedTicketOf(basket, null, 'CNY')).toEqual({ lineCount: 2, grossMinor: 1900, netMinor: 1900, currency: 'CNY' });
  });

  it('records which receipt a reprint printed again', () => {
    expect(buildTillEvent(context, { event: 'reprint', approval: null, receiptNo: 'T01-42' })).toMatchObject({ event: 'reprint', receiptNo: 'T01-42', ticket: null });
  });

  it('refuses to build what HQ would refuse: a manager approving their own press, or an approval for another key', () => {
    expect(() => buildTillEvent({ ...context, clerkId: manager }, { event: 'no_sale', approval: { ...approval('no_sale'), requestedBy: manager } })).toThrow(/approve their own/);
    expect(() => buildTillEvent(context, { event: 'reprint', approval: approval('no_sale'), receiptNo: 'T01-1' })).toThrow(/not for reprint/);
  });
});

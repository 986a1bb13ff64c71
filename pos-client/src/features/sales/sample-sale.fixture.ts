import { minor, type Sale } from '@pos/shared';

/** A valid one-line cash sale for tests. */
export function sampleSale(id: string): Sale {
  return {
    kind: 'sale',
    id,
    storeId: '0195505c-0000-7000-8000-0000000000b1',
    deviceId: '0195505c-0000-7000-8000-0000000000d1',
    cashierId: '0195505c-0000-7000-8000-0000000000c1',
    receiptNo: 'T01-1',
    approvals: [],
    currency: 'CNY',
    startedAt: '2025-03-01T10:00:00.000Z',
    completedAt: '2025-03-01T10:00:30.000Z',
    lines: [
      {
        id: '0195505c-0000-7000-8000-0000000000e1',
        lineNo: 1,
        productId: '0195505c-0000-7000-8000-0000000000a1',
        barcode: '6901234567892',
        nameZh: '可乐',
        nameEn: 'Cola',
        quantity: 2,
        unitPriceMinor: minor(350),
        grossMinor: minor(700),
        discountMinor: minor(0),
        netMinor: minor(700),
        clerkId: null,
      },
    ],
    payments: [{ id: '0195505c-0000-7000-8000-0000000000f1', tender: 'cash', amountMinor: minor(700), tenderedMinor: minor(1000), reference: null }],
    subtotalMinor: minor(700),
    discountMinor: minor(0),
    totalMinor: minor(700),
    roundingMinor: 0,
    changeMinor: minor(300),
  };
}

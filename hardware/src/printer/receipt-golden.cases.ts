import type { ReceiptDocument } from '@pos/shared/receipt/index';
import { minor } from '@pos/shared';

const store = { name: '星光便利店 Starlight Mart', address: null, phone: null };

/** Slips the receipt printer prints besides sales (一机多能), pinned by golden bytes. */
export const SLIP_DOCUMENTS: ReceiptDocument[] = [
  {
    kind: 'top_up_slip', id: '00000000-0000-4000-8000-000000000901', store, cashierName: '王芳 Wang Fang', at: '2025-03-14T10:15:00+08:00',
    cardNoMasked: '************4321', memberName: '李雷 Li Lei', tender: 'cash', amountMinor: minor(50_000), bonusMinor: minor(5_000), balanceAfterMinor: minor(90_000),
  },
  {
    kind: 'shift_z_report', id: '00000000-0000-4000-8000-000000000902', store, cashierName: '王芳 Wang Fang',
    openedAt: '2025-03-14T08:00:00+08:00', closedAt: '2025-03-14T22:00:00+08:00', ticketCount: 132,
    grossMinor: minor(1_254_300), discountMinor: minor(45_600), refundsMinor: minor(12_000), netMinor: minor(1_196_700),
    byTender: [{ tender: 'cash', amountMinor: minor(402_300) }, { tender: 'bank_card', amountMinor: minor(650_000) }, { tender: 'stored_value', amountMinor: minor(144_400) }],
    floatMinor: minor(50_000), cashInMinor: minor(0), cashOutMinor: minor(20_000), expectedCashMinor: minor(432_300), countedCashMinor: minor(432_000),
  },
  {
    kind: 'transfer_note', id: '00000000-0000-4000-8000-000000000903', noteNo: 'TR-2025-0314-07', fromStore: '南京东路店 Nanjing Rd East', toStore: '徐家汇店 Xujiahui',
    at: '2025-03-14T16:40:00+08:00', preparedBy: '赵强 Zhao Qiang',
    lines: [
      { barcode: '6901234567892', nameZh: '农夫山泉 550ml', nameEn: 'Mineral water 550ml', quantity: 48 },
      { barcode: null, nameZh: '散装大米 5kg', nameEn: 'Loose rice 5kg', quantity: 10 },
    ],
  },
  {
    kind: 'return_slip', store, cashierName: '王芳 Wang Fang', approvedBy: ['张伟 Zhang Wei'], reprint: false,
    return: {
      kind: 'return', id: '0192f0e4-0000-7000-8000-000000000904', storeId: '00000000-0000-4000-8000-000000000002', deviceId: '00000000-0000-4000-8000-000000000003',
      cashierId: '00000000-0000-4000-8000-000000000004', returnNo: 'T01-R7', currency: 'CNY', completedAt: '2025-03-15T11:20:00+08:00',
      original: { saleId: '00000000-0000-4000-8000-000000000910', receiptNo: 'T01-42' }, reason: 'wrong_item',
      lines: [{ id: '00000000-0000-4000-8000-000000000911', saleLineId: '00000000-0000-4000-8000-000000000912', productId: '00000000-0000-4000-8000-000000000913', barcode: '6901234567892', nameZh: '农夫山泉 550ml', nameEn: 'Mineral water 550ml', quantity: 2, refundMinor: minor(266) }],
      clawbackMinor: minor(66),
      outLines: [{ id: '00000000-0000-4000-8000-000000000914', lineNo: 1, productId: '00000000-0000-4000-8000-000000000915', barcode: null, nameZh: '可口可乐 330ml', nameEn: 'Coca-Cola 330ml', quantity: 1, unitPriceMinor: minor(150), grossMinor: minor(150), discountMinor: minor(0), netMinor: minor(150), clerkId: null }],
      creditMinor: minor(150),
      refunds: [{ id: '00000000-0000-4000-8000-000000000916', tender: 'bank_card', amountMinor: minor(50), salePaymentId: '00000000-0000-4000-8000-000000000917', reference: 'AUTH 884211' }],
      payments: [], roundingMinor: 0, changeMinor: minor(0), approvals: [],
    },
  },
];

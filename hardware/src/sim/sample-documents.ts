import type { SaleReceiptDocument } from '@pos/shared/receipt/index';
import { minor, type Minor, type SaleLine } from '@pos/shared';

/** Documents the demo prints and the golden tests pin; ids are fixed so bytes are stable. */
const STORE = { name: '星光便利店 Starlight Mart', address: '上海市黄浦区南京东路 100 号', phone: '021-6300 1234' };
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

interface LineSpec {
  zh: string;
  en: string;
  qty: number;
  unit: number;
  off?: number;
  /** A gift line: discounted by its whole amount. */
  gift?: boolean;
  /** The sales clerks credited with the line, by code, with each one's share in percent. */
  clerks?: readonly (readonly [code: string, percent: number])[];
}

/** The demo's sales clerks (营业员) by code, with fixed ids. */
const CLERK_IDS: Record<string, string> = { '0014': uuid(14), '0015': uuid(15) };

export function sampleSale(options: { lines: readonly LineSpec[]; member?: boolean; tendered?: number; reprint?: boolean; roundingMinor?: number }): SaleReceiptDocument {
  const lines = options.lines.map((l, i) => {
    const gross = l.unit * l.qty;
    const discount = l.gift ? gross : l.off ?? 0;
    return {
      id: uuid(100 + i), lineNo: i + 1, productId: uuid(200 + i), barcode: `69012345678${String(i).padStart(2, '0')}`,
      nameZh: l.zh, nameEn: l.en, quantity: l.qty, unitPriceMinor: m(l.unit), grossMinor: m(gross),
      discountMinor: m(discount), netMinor: m(gross - discount), giftRuleId: l.gift ? 'gift-rule' : null, ...lineClerks(l),
    };
  });
  const credited = [...new Set(options.lines.flatMap((l) => (l.clerks ?? []).map(([code]) => code)))];
  const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const total = sum((l) => l.netMinor);
  const giftSum = sum((l) => (l.giftRuleId ? l.discountMinor : 0));
  const offSum = sum((l) => l.discountMinor) - giftSum;
  const rounding = options.roundingMinor ?? 0;
  const payable = total + rounding;
  const tendered = options.tendered ?? payable;
  return {
    kind: 'sale_receipt',
    store: STORE,
    cashierName: '王芳 Wang Fang',
    sale: {
      kind: 'sale', id: '0190f5a2-7c3e-7a10-8b2c-4d5e6f708192', storeId: uuid(1), deviceId: uuid(2), cashierId: uuid(3),
      receiptNo: 'S01-20250314-0042', currency: 'CNY', startedAt: '2025-03-14T18:02:11+08:00', completedAt: '2025-03-14T18:03:40+08:00',
      lines, payments: [{ id: uuid(300), tender: 'cash', amountMinor: m(payable), tenderedMinor: m(tendered), reference: null }],
      subtotalMinor: m(sum((l) => l.grossMinor)), discountMinor: m(sum((l) => l.discountMinor)), totalMinor: m(total), roundingMinor: rounding, changeMinor: m(tendered - payable),
      approvals: [],
    },
    member: options.member
      ? { cardNoMasked: '************4321', name: '李雷 Li Lei', level: '金卡 Gold', pointsEarned: Math.floor(total / 100), pointsBalance: 1280, storedValueBalanceMinor: m(35_000) }
      : null,
    promotions: [
      ...(offSum > 0 ? [{ name: '满100减10 Spend 100 save 10', savedMinor: m(offSum) }] : []),
      ...(giftSum > 0 ? [{ name: '满60赠购物袋 Free tote over 60', savedMinor: m(giftSum) }] : []),
    ],
    footer: ['谢谢惠顾 Thank you!', '7天内凭小票退换 Returns within 7 days'],
    reprint: options.reprint ?? false,
    ...(credited.length > 0 ? { clerks: credited.map((code) => ({ id: CLERK_IDS[code]!, code })) } : {}),
  };
}

function lineClerks(line: LineSpec): Pick<SaleLine, 'clerkId' | 'clerkShares'> {
  const shares = (line.clerks ?? []).map(([code, percent]) => ({ clerkId: CLERK_IDS[code]!, shareBp: percent * 100 }));
  return { clerkId: shares[0]?.clerkId ?? null, ...(shares.length > 1 ? { clerkShares: shares } : {}) };
}

const m = (n: number): Minor => minor(n);

export const GROCERY_LINES: readonly LineSpec[] = [
  { zh: '农夫山泉 550ml', en: 'Mineral water 550ml', qty: 2, unit: 200 },
  { zh: '康师傅红烧牛肉面', en: 'Braised beef noodles', qty: 1, unit: 450 },
  { zh: '蒙牛纯牛奶 250ml×12', en: 'Mengniu whole milk 250ml x12', qty: 1, unit: 5990, off: 600 },
];

/** A receipt of `count` lines, for the print benchmark and queue tests. */
export function longSale(count: number): SaleReceiptDocument {
  const lines = Array.from({ length: count }, (_, i) => ({ zh: `商品${i + 1}号 测试`, en: `Item number ${i + 1}`, qty: 1 + (i % 3), unit: 100 + i * 7 }));
  return sampleSale({ lines, tendered: 1_000_000 });
}

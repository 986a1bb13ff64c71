import { formatMinor, type Minor } from '../money/money';
import type { Tender } from '../schemas/sales';
import type { ReceiptBlock } from './receipt-model.schemas';

/** Receipts are printed bilingual: the customer may read either language. */
export const LABELS = {
  receiptNo: '小票号 Receipt',
  time: '时间 Time',
  cashier: '收银员 Cashier',
  clerk: '营业员 Clerk',
  reprint: '*** 重印 REPRINT ***',
  subtotal: '小计 Subtotal',
  discount: '优惠 Discount',
  lineDiscount: '折扣 Discount',
  total: '合计 TOTAL',
  gift: '赠品 Gift',
  rounding: '抹零 Rounding',
  payable: '应付 To pay',
  saved: '共节省 You saved',
  tendered: '实收 Tendered',
  change: '找零 Change',
  member: '会员 Member',
  level: '级别 Level',
  pointsEarned: '本次积分 Points earned',
  pointsBalance: '积分余额 Points balance',
  storedValue: '储值余额 Balance',
  items: '件数 Items',
} as const;

export const TENDER_LABELS: Record<Tender, string> = {
  cash: '现金 Cash',
  bank_card: '银行卡 Card',
  stored_value: '储值卡 Stored value',
  points: '积分 Points',
  voucher: '代金券 Voucher',
};

export const money = (amount: Minor | number, exponent = 2) => formatMinor(amount as Minor, exponent);
export const yuan = (amount: Minor | number) => `¥${money(amount)}`;

/** The local time as the till wrote it: ISO strings carry the store's offset, so no conversion. */
export const localTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');

export const pair = (left: string, right: string, extra: { bold?: boolean; indent?: number } = {}): ReceiptBlock => ({ kind: 'pair', left, right, ...extra });

export function storeHeader(store: { name: string; address: string | null; phone: string | null }): ReceiptBlock[] {
  const center = (text: string): ReceiptBlock => ({ kind: 'text', text, align: 'center' });
  return [
    { kind: 'logo' },
    { kind: 'text', text: store.name, align: 'center', bold: true, large: true },
    ...(store.address ? [center(store.address)] : []),
    ...(store.phone ? [center(store.phone)] : []),
    { kind: 'rule', char: '=' },
  ];
}

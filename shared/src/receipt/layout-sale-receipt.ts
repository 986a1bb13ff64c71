import { creditedShares } from '../commission/line-clerk-shares';
import type { SaleLine, SalePayment } from '../schemas/sales';
import type { ReceiptClerk, ReceiptMember, SaleReceiptDocument } from './receipt-documents.schemas';
import { LABELS, TENDER_LABELS, localTime, money, pair, storeHeader, yuan } from './receipt-labels';
import type { ReceiptBlock, ReceiptModel } from './receipt-model.schemas';

export function layoutSaleReceipt(doc: SaleReceiptDocument): ReceiptModel {
  const { sale } = doc;
  const clerkBlocks = lineClerkBlocks(doc.clerks ?? []);
  const blocks: ReceiptBlock[] = [
    ...storeHeader(doc.store),
    pair(LABELS.receiptNo, sale.receiptNo),
    pair(LABELS.time, localTime(sale.completedAt)),
    pair(LABELS.cashier, doc.cashierName),
    ...(doc.reprint ? [{ kind: 'text', text: LABELS.reprint, align: 'center', bold: true } as const] : []),
    { kind: 'rule', char: '-' },
    ...sale.lines.flatMap((line): ReceiptBlock[] => [
      { kind: 'item', name: line.nameZh, secondName: line.nameEn === line.nameZh ? null : line.nameEn, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, amountMinor: line.grossMinor },
      ...(line.giftRuleId ? [pair(LABELS.gift, `-${money(line.discountMinor)}`, { indent: 2 })] : []),
      ...(line.discountMinor > 0 && !line.giftRuleId ? [pair(LABELS.lineDiscount, `-${money(line.discountMinor)}`, { indent: 2 })] : []),
      ...clerkBlocks(line),
    ]),
    { kind: 'rule', char: '-' },
    pair(LABELS.items, String(sale.lines.reduce((n, l) => n + l.quantity, 0))),
    pair(LABELS.subtotal, money(sale.subtotalMinor)),
    ...(sale.discountMinor > 0 ? [pair(LABELS.discount, `-${money(sale.discountMinor)}`)] : []),
    ...doc.promotions.map((p) => pair(p.name, `-${money(p.savedMinor)}`, { indent: 2 })),
    pair(LABELS.total, yuan(sale.totalMinor), { bold: true }),
    ...(sale.roundingMinor === 0 ? [] : [pair(LABELS.rounding, signed(sale.roundingMinor)), pair(LABELS.payable, yuan(sale.totalMinor + sale.roundingMinor), { bold: true })]),
    ...sale.payments.flatMap(paymentBlocks),
    ...(sale.changeMinor > 0 ? [pair(LABELS.change, money(sale.changeMinor))] : []),
    ...(sale.discountMinor > 0 ? [pair(LABELS.saved, yuan(sale.discountMinor), { bold: true })] : []),
    ...(doc.member ? memberBlocks(doc.member) : []),
    { kind: 'rule', char: '=' },
    ...doc.footer.map((text): ReceiptBlock => ({ kind: 'text', text, align: 'center' })),
    // The receipt number as a barcode: the return screen scans it to find the sale (退货凭小票).
    { kind: 'code', symbology: 'code128', data: sale.receiptNo },
    { kind: 'code', symbology: 'qr', data: sale.id },
  ];
  return { documentId: sale.id, blocks, currencyExponent: 2 };
}

/**
 * Under a line credited to sales clerks, their codes (营业员 0014), with each one's share when two
 * share it (0014 60% 0015 40%). A line the cashier sold prints nothing more.
 */
function lineClerkBlocks(clerks: readonly ReceiptClerk[]): (line: SaleLine) => ReceiptBlock[] {
  const codes = new Map(clerks.map((c) => [c.id.toLowerCase(), c.code]));
  return (line) => {
    const shares = creditedShares(line).map((s) => ({ code: codes.get(s.clerkId.toLowerCase()), percent: s.shareBp / 100 }));
    if (shares.length === 0 || shares.some((s) => s.code === undefined)) return [];
    const text = shares.length === 1 ? shares[0]!.code! : shares.map((s) => `${s.code} ${s.percent}%`).join(' ');
    return [pair(LABELS.clerk, text, { indent: 2 })];
  };
}

export const signed = (amount: number) => (amount < 0 ? `-${money(-amount)}` : `+${money(amount)}`);

export function paymentBlocks(payment: SalePayment): ReceiptBlock[] {
  const label = TENDER_LABELS[payment.tender];
  const reference = payment.reference ? [pair(`#${payment.reference}`, '', { indent: 2 })] : [];
  if (payment.tenderedMinor === null) return [pair(label, money(payment.amountMinor)), ...reference];
  return [pair(label, money(payment.amountMinor)), pair(LABELS.tendered, money(payment.tenderedMinor), { indent: 2 })];
}

function memberBlocks(member: ReceiptMember): ReceiptBlock[] {
  return [
    { kind: 'rule', char: '-' },
    pair(LABELS.member, member.cardNoMasked),
    ...(member.name ? [pair('', member.name, { indent: 2 })] : []),
    ...(member.level ? [pair(LABELS.level, member.level)] : []),
    ...(member.pointsEarned === null ? [] : [pair(LABELS.pointsEarned, String(member.pointsEarned))]),
    ...(member.pointsBalance === null ? [] : [pair(LABELS.pointsBalance, String(member.pointsBalance))]),
    ...(member.storedValueBalanceMinor === null ? [] : [pair(LABELS.storedValue, money(member.storedValueBalanceMinor))]),
  ];
}

import type { ReturnSlipDocument } from './receipt-documents.schemas';
import { LABELS, TENDER_LABELS, localTime, money, pair, storeHeader, yuan } from './receipt-labels';
import { signed } from './layout-sale-receipt';
import type { ReceiptBlock, ReceiptModel } from './receipt-model.schemas';

const REASONS = { changed_mind: '不想要了 Changed mind', faulty: '质量问题 Faulty', wrong_item: '买错了 Wrong item', other: '其他 Other' } as const;

/**
 * The return slip (退货单), or exchange slip (换货单) when goods went out: the original receipt,
 * each line back with its refund, each line out, the claw-back of promotions no longer earned, the
 * refund per tender (a card's terminal reference, so the card refund can be matched), a line for
 * the customer's signature, and the return number as a barcode.
 */
export function layoutReturnSlip(doc: ReturnSlipDocument): ReceiptModel {
  const r = doc.return;
  const exchange = r.outLines.length > 0;
  const refunded = r.refunds.reduce((n, x) => n + x.amountMinor, 0);
  const blocks: ReceiptBlock[] = [
    ...storeHeader(doc.store),
    { kind: 'text', text: exchange ? '换货单 EXCHANGE SLIP' : '退货单 RETURN SLIP', align: 'center', bold: true },
    pair('退货单号 Return', r.returnNo),
    pair('原小票 Receipt', r.original?.receiptNo ?? '无小票 No receipt'),
    pair(LABELS.time, localTime(r.completedAt)),
    pair(LABELS.cashier, doc.cashierName),
    pair('原因 Reason', REASONS[r.reason]),
    ...doc.approvedBy.map((name) => pair('授权 Approved by', name)),
    ...(doc.reprint ? [{ kind: 'text', text: LABELS.reprint, align: 'center', bold: true } as const] : []),
    { kind: 'rule', char: '-' },
    { kind: 'text', text: '退回 Back' },
    ...r.lines.map((l): ReceiptBlock => ({ kind: 'item', name: l.nameZh, secondName: l.nameEn === l.nameZh ? null : l.nameEn, quantity: -l.quantity, unitPriceMinor: null, amountMinor: l.refundMinor })),
    ...(r.clawbackMinor > 0 ? [pair('促销回收 Promotion taken back', `-${money(r.clawbackMinor)}`)] : []),
    ...(exchange ? [
      { kind: 'rule', char: '-' } as const,
      { kind: 'text', text: '换出 Out' } as const,
      ...r.outLines.map((l): ReceiptBlock => ({ kind: 'item', name: l.nameZh, secondName: l.nameEn === l.nameZh ? null : l.nameEn, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, amountMinor: l.netMinor })),
    ] : []),
    { kind: 'rule', char: '-' },
    ...(r.roundingMinor === 0 ? [] : [pair(LABELS.rounding, signed(r.roundingMinor))]),
    ...r.refunds.flatMap((x): ReceiptBlock[] => [pair(`退 ${TENDER_LABELS[x.tender]}`, money(x.amountMinor)), ...(x.reference ? [pair(`#${x.reference}`, '', { indent: 2 })] : [])]),
    ...r.payments.flatMap((p): ReceiptBlock[] => [pair(`收 ${TENDER_LABELS[p.tender]}`, money(p.amountMinor)), ...(p.tenderedMinor === null ? [] : [pair(LABELS.tendered, money(p.tenderedMinor), { indent: 2 })])]),
    ...(r.changeMinor > 0 ? [pair(LABELS.change, money(r.changeMinor))] : []),
    pair(refunded > 0 || r.payments.length === 0 ? '退款合计 REFUND' : '补差价 TO PAY', yuan(refunded > 0 || r.payments.length === 0 ? refunded : r.payments.reduce((n, p) => n + p.amountMinor, 0)), { bold: true }),
    { kind: 'rule', char: '=' },
    { kind: 'text', text: '顾客签名 Customer signature:' },
    { kind: 'feed', lines: 2 },
    { kind: 'code', symbology: 'code128', data: r.returnNo },
  ];
  return { documentId: r.id, blocks, currencyExponent: 2 };
}

import type { ReceiptDocument, ShiftXReportDocument, ShiftZReportDocument, TopUpSlipDocument, TransferNoteDocument } from './receipt-documents.schemas';
import { LABELS, TENDER_LABELS, localTime, money, pair, storeHeader, yuan } from './receipt-labels';
import { layoutReturnSlip } from './layout-return-slip';
import { layoutSaleReceipt } from './layout-sale-receipt';
import type { ReceiptBlock, ReceiptModel } from './receipt-model.schemas';

const title = (text: string): ReceiptBlock => ({ kind: 'text', text, align: 'center', bold: true });
const rule: ReceiptBlock = { kind: 'rule', char: '-' };

export function layoutTopUpSlip(doc: TopUpSlipDocument): ReceiptModel {
  const blocks: ReceiptBlock[] = [
    ...storeHeader(doc.store),
    title('储值充值 TOP-UP'),
    pair(LABELS.time, localTime(doc.at)),
    pair(LABELS.cashier, doc.cashierName),
    pair(LABELS.member, doc.cardNoMasked),
    ...(doc.memberName ? [pair('', doc.memberName, { indent: 2 })] : []),
    rule,
    pair('充值金额 Amount', money(doc.amountMinor)),
    ...(doc.bonusMinor > 0 ? [pair('赠送 Bonus', money(doc.bonusMinor))] : []),
    pair(TENDER_LABELS[doc.tender], money(doc.amountMinor)),
    pair(LABELS.storedValue, yuan(doc.balanceAfterMinor), { bold: true }),
    rule,
    { kind: 'text', text: '签名 Signature:', align: 'left' },
    { kind: 'feed', lines: 2 },
    { kind: 'code', symbology: 'qr', data: doc.id },
  ];
  return { documentId: doc.id, blocks, currencyExponent: 2 };
}

/** The figures the X and Z reports share: sales, tenders and the drawer's cash. */
function shiftFigures(doc: ShiftXReportDocument | ShiftZReportDocument): ReceiptBlock[] {
  return [
    pair('单数 Tickets', String(doc.ticketCount)),
    pair('销售额 Gross', money(doc.grossMinor)),
    pair(LABELS.discount, `-${money(doc.discountMinor)}`),
    ...(doc.roundingMinor ? [pair(LABELS.rounding, money(doc.roundingMinor))] : []),
    pair('退货 Refunds', `-${money(doc.refundsMinor)}`),
    pair('净额 Net', money(doc.netMinor), { bold: true }),
    rule,
    ...doc.byTender.map((t) => pair(TENDER_LABELS[t.tender], money(t.amountMinor))),
    rule,
    pair('备用金 Float', money(doc.floatMinor)),
    pair('存入 Cash in', money(doc.cashInMinor)),
    pair('取出 Cash out', `-${money(doc.cashOutMinor)}`),
    pair('应有现金 Expected', money(doc.expectedCashMinor)),
  ];
}

export function layoutZReport(doc: ShiftZReportDocument): ReceiptModel {
  const variance = doc.countedCashMinor - doc.expectedCashMinor;
  const blocks: ReceiptBlock[] = [
    ...storeHeader(doc.store),
    title('日结 Z REPORT'),
    pair('开班 Opened', localTime(doc.openedAt)),
    pair('结班 Closed', localTime(doc.closedAt)),
    pair(LABELS.cashier, doc.cashierName),
    rule,
    ...shiftFigures(doc),
    pair('实点现金 Counted', money(doc.countedCashMinor)),
    pair('差额 Variance', money(variance), { bold: true }),
  ];
  return { documentId: doc.id, blocks, currencyExponent: 2 };
}

/** Mid-shift figures: the cash the drawer should hold now, and no count. */
export function layoutXReport(doc: ShiftXReportDocument): ReceiptModel {
  const blocks: ReceiptBlock[] = [
    ...storeHeader(doc.store),
    title('班中报表 X REPORT'),
    pair('开班 Opened', localTime(doc.openedAt)),
    pair('打印 Printed', localTime(doc.printedAt)),
    pair(LABELS.cashier, doc.cashierName),
    rule,
    ...shiftFigures(doc),
    { kind: 'text', text: '未结班 Shift still open', align: 'center' },
  ];
  return { documentId: doc.id, blocks, currencyExponent: 2 };
}

export function layoutTransferNote(doc: TransferNoteDocument): ReceiptModel {
  const blocks: ReceiptBlock[] = [
    title('调拨单 TRANSFER NOTE'),
    pair('单号 No.', doc.noteNo),
    pair('调出 From', doc.fromStore),
    pair('调入 To', doc.toStore),
    pair(LABELS.time, localTime(doc.at)),
    pair('制单 Prepared by', doc.preparedBy),
    rule,
    ...doc.lines.map((l): ReceiptBlock => ({ kind: 'item', name: l.nameZh, secondName: l.barcode ? `${l.nameEn} ${l.barcode}` : l.nameEn, quantity: l.quantity, unitPriceMinor: null, amountMinor: null })),
    rule,
    pair(LABELS.items, String(doc.lines.reduce((n, l) => n + l.quantity, 0)), { bold: true }),
    { kind: 'text', text: '收货签名 Received by:' },
    { kind: 'feed', lines: 2 },
    { kind: 'code', symbology: 'code128', data: doc.noteNo },
  ];
  return { documentId: doc.id, blocks, currencyExponent: 2 };
}

export function layoutDocument(doc: ReceiptDocument): ReceiptModel {
  switch (doc.kind) {
    case 'sale_receipt':
      return layoutSaleReceipt(doc);
    case 'top_up_slip':
      return layoutTopUpSlip(doc);
    case 'shift_z_report':
      return layoutZReport(doc);
    case 'shift_x_report':
      return layoutXReport(doc);
    case 'transfer_note':
      return layoutTransferNote(doc);
    case 'return_slip':
      return layoutReturnSlip(doc);
  }
}

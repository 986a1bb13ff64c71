import { LABELS } from './receipt-labels';
import type { ReceiptBlock, ReceiptModel } from './receipt-model.schemas';

const reprintBlock: ReceiptBlock = { kind: 'text', text: LABELS.reprint, align: 'center', bold: true };

/**
 * The same receipt marked at its top as printed again (重印 REPRINT), so nobody takes the copy
 * for a second sale. A receipt that already says so (a reprint the cashier asked for) is left as it is.
 */
export function markAsReprint(model: ReceiptModel): ReceiptModel {
  const marked = model.blocks.some((block) => block.kind === 'text' && block.text === LABELS.reprint);
  return marked ? model : { ...model, blocks: [reprintBlock, ...model.blocks] };
}

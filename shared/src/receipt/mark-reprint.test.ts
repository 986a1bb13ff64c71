import { describe, expect, it } from 'vitest';
import { markAsReprint } from './mark-reprint';
import type { ReceiptModel } from './receipt-model.schemas';

const receipt: ReceiptModel = { documentId: 'sale-1', currencyExponent: 2, blocks: [{ kind: 'text', text: '人民广场店' }, { kind: 'rule', char: '-' }] };

describe('marking a receipt as printed again', () => {
  it('puts the reprint mark above everything else and changes nothing else', () => {
    const marked = markAsReprint(receipt);
    expect(marked.blocks).toEqual([{ kind: 'text', text: '*** 重印 REPRINT ***', align: 'center', bold: true }, ...receipt.blocks]);
    expect(marked.documentId).toBe('sale-1');
    expect(receipt.blocks).toHaveLength(2);
  });

  it('marks a receipt once, however often it is printed again', () => {
    expect(markAsReprint(markAsReprint(receipt))).toEqual(markAsReprint(receipt));
  });
});

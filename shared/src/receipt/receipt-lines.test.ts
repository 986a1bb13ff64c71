import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import { layoutReceipt, pairLines } from './receipt-lines';
import { ReceiptModel } from './receipt-model.schemas';
import { eastAsianWidth, measureText, wrapText } from './text-width';

describe('receipt layout', () => {
  it('counts Chinese characters as two columns', () => {
    expect(measureText('合计 Total', eastAsianWidth)).toBe(10);
    expect(measureText('￥', eastAsianWidth)).toBe(2);
  });

  it('wraps at spaces, and between Chinese characters, never past the width', () => {
    expect(wrapText('Mengniu whole milk 250ml', 10, eastAsianWidth)).toEqual(['Mengniu', 'whole milk', '250ml']);
    expect(wrapText('德芙丝滑牛奶巧克力', 8, eastAsianWidth)).toEqual(['德芙丝滑', '牛奶巧克', '力']);
  });

  it('puts the value flush right, moving it to its own line when both do not fit', () => {
    expect(pairLines('合计', '12.00', 12, eastAsianWidth)).toEqual(['合计   12.00']);
    expect(pairLines('满100减10 Spend 100', '-6.00', 16, eastAsianWidth)).toEqual(['满100减10 Spend', '100        -6.00']);
  });

  it('lays out an item as names, then quantity and amount', () => {
    const model = ReceiptModel.parse({ documentId: 'd', currencyExponent: 2, blocks: [{ kind: 'item', name: '牛奶', secondName: 'Milk', quantity: 2, unitPriceMinor: minor(350), amountMinor: minor(700) }] });
    expect(layoutReceipt(model, { columns: 20, width: eastAsianWidth }).map((l) => l.kind === 'text' && l.text)).toEqual(['牛奶', 'Milk', '  2 x 3.50      7.00']);
  });

  it('refuses control characters in text, so a receipt cannot smuggle printer commands', () => {
    const result = ReceiptModel.safeParse({ documentId: 'd', currencyExponent: 2, blocks: [{ kind: 'text', text: 'x\u001bp\u0000' }] });
    expect(result.success).toBe(false);
  });
});

import { formatMinor, type Minor } from '../money/money';
import type { CodeSymbology, ReceiptBlock, ReceiptModel } from './receipt-model.schemas';
import { alignText, measureText, wrapText, type CharWidth } from './text-width';

/**
 * A receipt laid out for a paper width: every text line is already padded with spaces, so
 * columns line up on any printer and in any monospace rendering.
 */
export type PrintLine =
  | { kind: 'text'; text: string; bold: boolean; large: boolean }
  | { kind: 'code'; symbology: CodeSymbology; data: string }
  | { kind: 'logo' };

export interface LayoutOptions {
  columns: number;
  width: CharWidth;
}

export function layoutReceipt(model: ReceiptModel, options: LayoutOptions): PrintLine[] {
  return model.blocks.flatMap((block) => layoutBlock(block, model.currencyExponent, options));
}

function layoutBlock(block: ReceiptBlock, exponent: number, { columns, width }: LayoutOptions): PrintLine[] {
  const bold = 'bold' in block && block.bold === true;
  const large = 'large' in block && block.large === true;
  const cols = large ? Math.floor(columns / 2) : columns;
  const text = (lines: string[]) => lines.map((t): PrintLine => ({ kind: 'text', text: t, bold, large }));
  switch (block.kind) {
    case 'text':
      return text(wrapText(block.text, cols, width).map((l) => alignText(l, cols, block.align ?? 'left', width)));
    case 'pair':
      return text(pairLines(' '.repeat(block.indent ?? 0) + block.left, block.right, cols, width));
    case 'item':
      return text(itemLines(block, exponent, cols, width));
    case 'rule':
      return text([block.char.repeat(cols)]);
    case 'feed':
      return text(Array.from({ length: block.lines }, () => ''));
    case 'code':
      return [{ kind: 'code', symbology: block.symbology, data: block.data }];
    case 'logo':
      return [{ kind: 'logo' }];
  }
}

/** Left text, then the right text flush with the last column; the left wraps if both do not fit. */
export function pairLines(left: string, right: string, columns: number, width: CharWidth): string[] {
  const rightWidth = measureText(right, width);
  const lines = wrapText(left, columns, width);
  const last = lines.pop() ?? '';
  const gap = columns - measureText(last, width) - rightWidth;
  if (gap >= 1) return [...lines, `${last}${' '.repeat(gap)}${right}`];
  return [...lines, last, alignText(right, columns, 'right', width)];
}

function itemLines(block: Extract<ReceiptBlock, { kind: 'item' }>, exponent: number, columns: number, width: CharWidth): string[] {
  const money = (m: Minor | null) => (m === null ? '' : formatMinor(m, exponent));
  const names = wrapText(block.name, columns, width);
  const second = block.secondName ? wrapText(block.secondName, columns, width) : [];
  const quantity = block.unitPriceMinor === null ? `x ${block.quantity}` : `${block.quantity} x ${money(block.unitPriceMinor)}`;
  return [...names, ...second, ...pairLines(`  ${quantity}`, money(block.amountMinor), columns, width)];
}

import { isValidEan13 } from './ean13';
import { priceCheckDigit } from './price-check-digit';
import { failure, type PricingFailure } from './pricing-result';
import type { ScaleBarcodeLayout } from './scale-barcode.schemas';

export interface ScaleBarcode {
  readonly ok: true;
  readonly layoutId: string;
  readonly itemCode: string;
  /** The flag digit, or null when the layout has none. */
  readonly flag: string | null;
  readonly value: 'price' | 'weight';
  /** Minor units for a price, grams for a weight. */
  readonly amount: number;
}

function digitsOf(code: string, pattern: string, symbol: string): string {
  let digits = '';
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === symbol) digits += code[i];
  return digits;
}

function literalsMatch(code: string, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const symbol = pattern[i]!;
    if (symbol >= '0' && symbol <= '9' && code[i] !== symbol) return false;
  }
  return true;
}

/**
 * Reads a scale label. Layouts are tried in order; the first whose literal digits match is
 * used. A code that matches no layout is `NOT_SCALE_BARCODE` (look it up as an ordinary
 * barcode); a code that matches but fails a check digit is `BAD_BARCODE` (scan it again).
 */
export function decodeScaleBarcode(code: string, layouts: readonly ScaleBarcodeLayout[]): ScaleBarcode | PricingFailure {
  if (!/^\d{13}$/.test(code)) return failure('NOT_SCALE_BARCODE', 'a scale label is an EAN-13 of 13 digits');
  const layout = layouts.find((candidate) => literalsMatch(code, candidate.pattern));
  if (!layout) return failure('NOT_SCALE_BARCODE', `no scale layout matches prefix ${code.slice(0, 2)}`);
  if (!isValidEan13(code)) return failure('BAD_BARCODE', 'the EAN-13 check digit does not match');
  const value = digitsOf(code, layout.pattern, 'V');
  const check = digitsOf(code, layout.pattern, 'X');
  if (check !== '' && priceCheckDigit(value) !== Number(check)) {
    return failure('BAD_BARCODE', 'the price check digit does not match');
  }
  const flag = digitsOf(code, layout.pattern, 'F');
  return {
    ok: true,
    layoutId: layout.id,
    itemCode: digitsOf(code, layout.pattern, 'P'),
    flag: flag === '' ? null : flag,
    value: layout.value,
    amount: Number(value),
  };
}

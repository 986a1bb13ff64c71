import { decodeScaleBarcode, ean13CheckDigit, isValidEan13, ScaleBarcodeLayout, type ScaleBarcode } from '@pos/shared';

export type LabelReading =
  | { kind: 'incomplete' }
  | { kind: 'noLayout' }
  /** A layout matches but the last digit is wrong; `expected` is the one that fits, for a label typed by hand. */
  | { kind: 'badCheckDigit'; expected: number }
  | { kind: 'badPriceCheck' }
  /** `place` is the layout's place in the list, 1-based. */
  | { kind: 'read'; place: number; label: ScaleBarcode };

/**
 * What a till would read from a typed label with these layouts, by the shared decoder the tills
 * use. Layouts still being typed are skipped, so the test works before the list is saved.
 */
export function readTestLabel(code: string, layouts: readonly ScaleBarcodeLayout[]): LabelReading {
  if (!/^\d{13}$/.test(code)) return { kind: 'incomplete' };
  const usable = layouts.filter((layout) => ScaleBarcodeLayout.safeParse(layout).success);
  const read = decodeScaleBarcode(code, usable);
  if (read.ok) return { kind: 'read', place: layouts.findIndex((l) => l.id === read.layoutId) + 1, label: read };
  if (read.code !== 'BAD_BARCODE') return { kind: 'noLayout' };
  return isValidEan13(code) ? { kind: 'badPriceCheck' } : { kind: 'badCheckDigit', expected: ean13CheckDigit(code) };
}

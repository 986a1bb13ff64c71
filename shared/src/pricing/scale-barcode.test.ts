import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from './ean13';
import { decodeScaleBarcode } from './scale-barcode';
import { ScaleBarcodeLayout, ScaleBarcodeLayouts } from './scale-barcode.schemas';

const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const layouts = [
  ScaleBarcodeLayout.parse({ id: 'weight', pattern: '28PPPPPVVVVVC', value: 'weight' }),
  ScaleBarcodeLayout.parse({ id: 'price-checked', pattern: '21PPPPPXVVVVC', value: 'price' }),
  ScaleBarcodeLayout.parse({ id: 'price', pattern: '2FPPPPPVVVVVC', value: 'price' }),
];

describe('decodeScaleBarcode', () => {
  it('reads item code and price from the default layout', () => {
    expect(decodeScaleBarcode(withCheck('200123401299'), layouts)).toEqual({
      ok: true, layoutId: 'price', itemCode: '01234', flag: '0', value: 'price', amount: 1299,
    });
  });

  it('reads a weight in grams when the layout says so', () => {
    const decoded = decodeScaleBarcode(withCheck('280077700750'), layouts);
    expect(decoded).toMatchObject({ ok: true, layoutId: 'weight', itemCode: '00777', value: 'weight', amount: 750 });
  });

  it('verifies the price check digit when the layout has one', () => {
    expect(decodeScaleBarcode(withCheck('210123492875'), layouts)).toMatchObject({ ok: true, amount: 2875 });
    expect(decodeScaleBarcode(withCheck('210123412875'), layouts)).toMatchObject({ ok: false, code: 'BAD_BARCODE' });
  });

  it('refuses a label whose EAN check digit is wrong', () => {
    const good = withCheck('200123401299');
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    expect(decodeScaleBarcode(bad, layouts)).toMatchObject({ ok: false, code: 'BAD_BARCODE' });
  });

  it('leaves ordinary product barcodes to the barcode look-up', () => {
    expect(decodeScaleBarcode('6901234567892', layouts)).toMatchObject({ ok: false, code: 'NOT_SCALE_BARCODE' });
    expect(decodeScaleBarcode('123', layouts)).toMatchObject({ ok: false, code: 'NOT_SCALE_BARCODE' });
  });
});

describe('ScaleBarcodeLayout', () => {
  it('refuses patterns that cannot be decoded', () => {
    expect(ScaleBarcodeLayout.safeParse({ id: 'x', pattern: '2FPPPPPVVVVV1', value: 'price' }).success).toBe(false);
    expect(ScaleBarcodeLayout.safeParse({ id: 'x', pattern: '2FPPVPPVVVVVC', value: 'price' }).success).toBe(false);
    expect(ScaleBarcodeLayout.safeParse({ id: 'x', pattern: '2FPPPXVVVVVVC', value: 'price' }).success).toBe(false);
  });
});

describe('ScaleBarcodeLayouts', () => {
  const weight = { id: 'weight', pattern: '22PPPPPVVVVVC', value: 'weight' };
  const price = { id: 'price', pattern: '2FPPPPPVVVVVC', value: 'price' };
  const problems = (layouts: unknown[]) => {
    const parsed = ScaleBarcodeLayouts.safeParse(layouts);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
  };

  it('takes a specific layout before a general one', () => {
    expect(problems([weight, price])).toEqual([]);
  });

  it('refuses a layout an earlier one always takes over: the same pattern twice, or general before specific', () => {
    expect(problems([price, weight])).toEqual(['1.pattern']);
    expect(problems([weight, { ...weight, id: 'again' }])).toEqual(['1.pattern']);
  });

  it('refuses an id used twice', () => {
    expect(problems([weight, { ...price, id: 'weight' }])).toEqual(['1.id']);
  });
});

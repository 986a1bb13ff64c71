import { describe, expect, it } from 'vitest';
import { newProductValues, productBodyOf, takenBarcodes } from './product-form';

describe('product form', () => {
  it('makes HQ’s body: blank attributes and barcode rows left out, dates only when discontinued', () => {
    const body = productBodyOf({ ...newProductValues, sku: ' A1 ', nameZh: '可乐', nameEn: 'Cola', barcodes: ['6900000000014', ' '], attributes: ['广东', ' '], discontinuedFrom: '2026-01-01' });
    expect(body).toMatchObject({ sku: 'A1', barcodes: ['6900000000014'], attributes: ['广东', null, null, null, null, null], discontinuedFrom: null, categoryId: null });
    expect(productBodyOf({ ...newProductValues, status: 'discontinued', discontinuedFrom: '2026-01-01' }).discontinuedFrom).toBe('2026-01-01');
  });

  it('reads which typed barcodes another product holds', () => {
    const failure = { kind: 'http' as const, status: 409, code: 'BARCODE_TAKEN', message: '', details: [{ path: 'barcodes.1', code: '690', sku: 'S1', nameZh: '可乐', nameEn: 'Cola' }] };
    expect(takenBarcodes(failure)).toEqual([{ row: 1, code: '690', sku: 'S1', nameZh: '可乐', nameEn: 'Cola' }]);
    expect(takenBarcodes({ kind: 'unreachable' })).toEqual([]);
  });
});

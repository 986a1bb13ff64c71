import { describe, expect, it } from 'vitest';
import { looksLikeScan } from './use-cash-payment';

describe('looksLikeScan', () => {
  it('takes 8 or more digits without a decimal point as a barcode', () => {
    expect(looksLikeScan('6901234567892')).toBe(true);
    expect(looksLikeScan('12345678')).toBe(true);
  });

  it('leaves amounts alone', () => {
    expect(looksLikeScan('100')).toBe(false);
    expect(looksLikeScan('1234567')).toBe(false);
    expect(looksLikeScan('12345678.00')).toBe(false);
    expect(looksLikeScan('')).toBe(false);
  });
});

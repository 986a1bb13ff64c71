import { describe, expect, it } from 'vitest';
import { barcodeCheckDigitHolds, ean13CheckDigit, ean8CheckDigit, isValidEan13, isValidEan8 } from './ean13';
import { priceCheckDigit } from './price-check-digit';

describe('EAN-13 check digit', () => {
  it('accepts a code whose check digit matches', () => {
    expect(ean13CheckDigit('501001708843')).toBe(9);
    expect(isValidEan13('5010017088439')).toBe(true);
  });

  it('refuses a mistyped digit and codes of the wrong length', () => {
    expect(isValidEan13('5010017088438')).toBe(false);
    expect(isValidEan13('501001708843')).toBe(false);
  });
});

describe('EAN-8 check digit and product barcodes', () => {
  it('checks an EAN-8 with its own weighting', () => {
    expect(ean8CheckDigit('9638507')).toBe(4);
    expect(isValidEan8('96385074')).toBe(true);
    expect(isValidEan8('96385075')).toBe(false);
  });

  it('checks 8 and 13 digits and takes other lengths as they are', () => {
    expect(barcodeCheckDigitHolds('5010017088439')).toBe(true);
    expect(barcodeCheckDigitHolds('5010017088438')).toBe(false);
    expect(barcodeCheckDigitHolds('96385075')).toBe(false);
    expect(barcodeCheckDigitHolds('012345678905')).toBe(true);
  });
});

describe('price check digit', () => {
  it('follows the GS1 four-digit weighting', () => {
    expect(priceCheckDigit('2875')).toBe(9);
    expect(priceCheckDigit('0599')).toBe(1);
    expect(priceCheckDigit('0412')).toBe(0);
  });

  it('follows the GS1 five-digit weighting', () => {
    expect(priceCheckDigit('14685')).toBe(6);
  });

  it('refuses fields of another length', () => {
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
  });
});

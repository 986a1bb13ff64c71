import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, issuedCardNo, luhnCheckDigit, maskCardNo, withCheckDigit } from './card-number';

describe('card number check digits (Luhn)', () => {
  it('computes the check digit of known numbers', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('453201511283036')).toBe(6);
    expect(luhnCheckDigit('0')).toBe(0);
    expect(withCheckDigit('8888000')).toBe('88880000');
  });

  it('accepts a number whose last digit is its check digit', () => {
    expect(hasValidCheckDigit('79927398713')).toBe(true);
    expect(hasValidCheckDigit('4532015112830366')).toBe(true);
  });

  it('refuses any single wrong digit and any swap of two different neighbours', () => {
    const good = '888800018';
    expect(hasValidCheckDigit(good)).toBe(true);
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        expect(hasValidCheckDigit(`${good.slice(0, i)}${d}${good.slice(i + 1)}`)).toBe(false);
      }
    }
    for (let i = 0; i + 1 < good.length; i++) {
      if (good[i] === good[i + 1] || (good[i] === '0' && good[i + 1] === '9') || (good[i] === '9' && good[i + 1] === '0')) continue;
      expect(hasValidCheckDigit(`${good.slice(0, i)}${good[i + 1]}${good[i]}${good.slice(i + 2)}`)).toBe(false);
    }
  });

  it('refuses what is not digits, and a single digit', () => {
    expect(hasValidCheckDigit('8888a0018')).toBe(false);
    expect(hasValidCheckDigit('0')).toBe(false);
    expect(hasValidCheckDigit('')).toBe(false);
    expect(() => luhnCheckDigit('12x')).toThrow();
  });

  it('issues prefix, padded sequence and check digit, and refuses a sequence that does not fit', () => {
    expect(issuedCardNo('8888', 1, 4)).toBe('888800018');
    expect(issuedCardNo('8888', 1, 7)).toMatch(/^88880000001\d$/);
    expect(hasValidCheckDigit(issuedCardNo('6200', 123_456, 7))).toBe(true);
    expect(() => issuedCardNo('8888', 10_000, 4)).toThrow();
    expect(() => issuedCardNo('8888', -1, 4)).toThrow();
  });
});

describe('maskCardNo', () => {
  it('keeps the last four digits, and the first four of a long number', () => {
    expect(maskCardNo('888800018')).toBe('****0018');
    expect(maskCardNo('6222021234567890123')).toBe('6222****0123');
  });
});

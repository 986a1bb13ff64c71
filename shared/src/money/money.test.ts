import { describe, expect, it } from 'vitest';
import { formatMinor, minor, parseMinor, scaleMinor } from './money';

describe('money', () => {
  it('formats minor units with the decimal point only at the edge', () => {
    expect(formatMinor(minor(1234))).toBe('12.34');
    expect(formatMinor(minor(5))).toBe('0.05');
    expect(formatMinor(minor(-250))).toBe('-2.50');
    expect(formatMinor(minor(7), 0)).toBe('7');
  });

  it('parses what a cashier types and refuses what is not an amount', () => {
    expect(parseMinor('12.3')).toBe(1230);
    expect(parseMinor('100')).toBe(10000);
    expect(parseMinor('0,05')).toBe(5);
    expect(parseMinor('1.234')).toBeNull();
    expect(parseMinor('abc')).toBeNull();
    expect(parseMinor('')).toBeNull();
  });

  it('scales with half-up rounding away from zero', () => {
    expect(scaleMinor(minor(5), 1, 2)).toBe(3);
    expect(scaleMinor(minor(-5), 1, 2)).toBe(-3);
    expect(scaleMinor(minor(999), 8800, 10000)).toBe(879);
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => minor(1.5)).toThrow(RangeError);
  });
});

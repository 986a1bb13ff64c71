import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatMoneyText } from './format-amount';

describe('amount formatting', () => {
  it('groups thousands of the decimal formatMinor gives', () => {
    expect(formatAmount(123_456_789)).toBe('1,234,567.89');
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(-100_000)).toBe('-1,000.00');
    expect(formatAmount(1_234, 0)).toBe('1,234');
  });

  it('puts the currency symbol before the sign-less amount', () => {
    expect(formatMoneyText(2_754)).toBe('¥27.54');
    expect(formatMoneyText(-150)).toBe('-¥1.50');
    expect(formatCount(10_699)).toBe('10,699');
  });
});

import { describe, expect, it } from 'vitest';
import { maskCardNo } from './card-for-money.repo';

describe('maskCardNo', () => {
  it('keeps the last four digits, and the first four of a long number', () => {
    expect(maskCardNo('88880001')).toBe('****0001');
    expect(maskCardNo('6222021234567890123')).toBe('6222****0123');
  });
});

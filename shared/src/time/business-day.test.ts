import { describe, expect, it } from 'vitest';
import { businessDate } from './business-day';

describe('businessDate', () => {
  it('is the calendar date on the store’s clock, not in UTC', () => {
    expect(businessDate('2026-11-22T15:59:59Z', 'Asia/Shanghai')).toBe('2026-11-22');
    expect(businessDate('2026-11-22T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(businessDate(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08');
  });
});

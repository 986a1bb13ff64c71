import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles the step with each attempt', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 0.999999, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('keeps at least half the step whatever the jitter', () => {
    expect(backoffDelay(3, 0, policy)).toBe(4_000);
    for (let r = 0; r < 1; r += 0.1) {
      const delay = backoffDelay(3, r, policy);
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(40, 0.999999, policy)).toBe(60_000);
    expect(backoffDelay(1_000, 0.5, policy)).toBeLessThanOrEqual(60_000);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, 0, policy)).toBe(500);
  });
});

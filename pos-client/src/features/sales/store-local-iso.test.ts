import { describe, expect, it } from 'vitest';
import { toStoreLocalIso } from './store-local-iso';

describe('toStoreLocalIso', () => {
  it("writes the instant on the store's wall clock with its offset", () => {
    expect(toStoreLocalIso('2025-03-01T16:30:05.123Z', 'Asia/Shanghai')).toBe('2025-03-02T00:30:05+08:00');
    expect(toStoreLocalIso('2025-07-01T12:00:00.000Z', 'America/New_York')).toBe('2025-07-01T08:00:00-04:00');
    expect(Date.parse(toStoreLocalIso('2025-03-01T16:30:05Z', 'Asia/Kolkata'))).toBe(Date.parse('2025-03-01T16:30:05Z'));
  });
});

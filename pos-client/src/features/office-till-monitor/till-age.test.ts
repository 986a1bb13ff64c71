import { describe, expect, it } from 'vitest';
import { ageOf } from './till-age';

describe('ageOf', () => {
  const now = '2026-11-22T12:00:00Z';
  it('counts minutes below two hours, hours below two days, then days', () => {
    expect(ageOf('2026-11-22T11:59:30Z', now)).toEqual({ unit: 'minutes', value: 0 });
    expect(ageOf('2026-11-22T10:01:00Z', now)).toEqual({ unit: 'minutes', value: 119 });
    expect(ageOf('2026-11-22T10:00:00Z', now)).toEqual({ unit: 'hours', value: 2 });
    expect(ageOf('2026-11-20T12:00:01Z', now)).toEqual({ unit: 'hours', value: 47 });
    expect(ageOf('2026-11-19T12:00:00Z', now)).toEqual({ unit: 'days', value: 3 });
  });
  it('never says a negative age for an instant after now (a till clock ahead of HQ)', () => {
    expect(ageOf('2026-11-22T12:05:00Z', now)).toEqual({ unit: 'minutes', value: 0 });
  });
});

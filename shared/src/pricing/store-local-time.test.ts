import { describe, expect, it } from 'vitest';
import { clockMinutes, storeLocalTime, toLocalDateTime } from './store-local-time';

describe('storeLocalTime', () => {
  it('reads an instant on the wall clock of the store', () => {
    const local = storeLocalTime('2025-03-09T16:30:00Z', 'Asia/Shanghai');
    expect(local).toEqual({ date: '2025-03-10', dateTime: '2025-03-10T00:30:00', weekday: 1, minuteOfDay: 30 });
  });

  it('counts Sunday as weekday 7', () => {
    expect(storeLocalTime('2025-03-09T12:00:00+08:00', 'Asia/Shanghai').weekday).toBe(7);
  });

  it('follows daylight saving in zones that have it', () => {
    expect(storeLocalTime('2025-07-01T12:00:00Z', 'Europe/Berlin').minuteOfDay).toBe(14 * 60);
    expect(storeLocalTime('2025-01-01T12:00:00Z', 'Europe/Berlin').minuteOfDay).toBe(13 * 60);
  });
});

describe('toLocalDateTime', () => {
  it('pads local dates and times to a comparable form', () => {
    expect(toLocalDateTime('2025-03-01', 'Asia/Shanghai')).toBe('2025-03-01T00:00:00');
    expect(toLocalDateTime('2025-03-01T08:00', 'Asia/Shanghai')).toBe('2025-03-01T08:00:00');
  });

  it('reads an instant with an offset on the store clock', () => {
    expect(toLocalDateTime('2025-03-01T00:00:00Z', 'Asia/Shanghai')).toBe('2025-03-01T08:00:00');
  });

  it('refuses text that is no date', () => {
    expect(toLocalDateTime('soon', 'Asia/Shanghai')).toBeNull();
  });
});

it('turns a clock time into minutes since midnight', () => {
  expect(clockMinutes('17:45')).toBe(1065);
});

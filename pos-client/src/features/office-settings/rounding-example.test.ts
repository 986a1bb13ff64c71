import { describe, expect, it } from 'vitest';
import { roundingExamples } from './rounding-example';

const paid = (unitMinor: 1 | 10 | 100, mode: 'half_up' | 'down') => roundingExamples({ unitMinor, mode }).map((e) => [e.totalMinor, e.paidMinor]);

describe('cash rounding example', () => {
  it('rounds down to the jiao: 12.37 is paid as 12.30', () => {
    expect(paid(10, 'down')).toEqual([[1237, 1230], [1268, 1260]]);
  });

  it('rounds half up to the jiao or the yuan', () => {
    expect(paid(10, 'half_up')).toEqual([[1237, 1240], [1268, 1270]]);
    expect(paid(100, 'half_up')).toEqual([[1237, 1200], [1268, 1300]]);
    expect(paid(100, 'down')).toEqual([[1237, 1200], [1268, 1200]]);
  });

  it('leaves the total alone without rounding', () => {
    expect(paid(1, 'half_up')).toEqual([[1237, 1237], [1268, 1268]]);
  });
});

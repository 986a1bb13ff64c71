import { describe, expect, it } from 'vitest';
import { describeScalePattern, patternInput } from './scale-pattern';

describe('scale pattern description', () => {
  it('reads a weight label as prefix, item code, value and check digit', () => {
    expect(describeScalePattern('22PPPPPVVVVVC')).toEqual([
      { kind: 'prefix', digits: '22' },
      { kind: 'item', length: 5 },
      { kind: 'value', length: 5 },
      { kind: 'check', length: 1 },
    ]);
  });

  it('names the flag, a price check digit and fixed digits after the prefix', () => {
    expect(describeScalePattern('2FPPPP0XVVVVC')).toEqual([
      { kind: 'prefix', digits: '2' },
      { kind: 'flag', length: 1 },
      { kind: 'item', length: 4 },
      { kind: 'fixed', digits: '0' },
      { kind: 'priceCheck', length: 1 },
      { kind: 'value', length: 4 },
      { kind: 'check', length: 1 },
    ]);
  });

  it('describes a pattern still being typed, and gives up only on an unknown symbol', () => {
    expect(describeScalePattern('')).toEqual([]);
    expect(describeScalePattern('21PP')).toEqual([{ kind: 'prefix', digits: '21' }, { kind: 'item', length: 2 }]);
    expect(describeScalePattern('PVP')).toEqual([{ kind: 'item', length: 1 }, { kind: 'value', length: 1 }, { kind: 'item', length: 1 }]);
    expect(describeScalePattern('22PPPPPWWWWWC')).toBeNull();
  });

  it('keeps a typed pattern in upper case without spaces', () => {
    expect(patternInput(' 22ppppp vvvvvc')).toBe('22PPPPPVVVVVC');
  });
});

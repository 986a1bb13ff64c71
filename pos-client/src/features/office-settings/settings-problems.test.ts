import { describe, expect, it } from 'vitest';
import { problemAt, settingsProblems } from './settings-problems';

const weight = { id: 'scale-weight-22', pattern: '22PPPPPVVVVVC', value: 'weight' } as const;
const price = { id: 'scale-price', pattern: '2FPPPPPVVVVVC', value: 'price' } as const;

describe('settings problems', () => {
  it('maps the problems HQ lists in a 400 by path, as the schema words them', () => {
    const details = [
      { path: 'scaleLayouts.1.pattern', message: 'every label this layout reads is read first by layout scale-price (2FPPPPPVVVVVC); put the more specific layout first' },
      { path: 'scaleLayouts.1.id', message: 'layout id scale-price is used twice' },
      { path: 'cashRounding.unitMinor', message: 'Invalid input' },
    ];
    const problems = settingsProblems(details, [price, weight]);
    expect(problems.map((p) => p.key)).toEqual(['patternShadowed', 'layoutRepeated', 'invalid']);
    expect(problems[0]!.params).toEqual({ n: 1, pattern: price.pattern });
    expect(problemAt(problems, 'scaleLayouts.1')?.key).toBe('patternShadowed');
    expect(problemAt(problems, 'scaleLayouts.0')).toBeUndefined();
  });

  it('keeps one problem a field, the first', () => {
    const problems = settingsProblems([
      { path: 'scaleLayouts.0.pattern', message: 'a 13-digit pattern of 0-9, F, P, V, X ending in C and starting with 2' },
      { path: 'scaleLayouts.0.pattern', message: 'the pattern needs item digits (P) and value digits (V)' },
    ], [weight]);
    expect(problems).toEqual([{ path: 'scaleLayouts.0.pattern', key: 'patternFormat', params: {} }]);
  });
});

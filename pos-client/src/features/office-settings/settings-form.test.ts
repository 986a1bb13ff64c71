import { describe, expect, it } from 'vitest';
import { defaultReturnPolicy, type PricingSettings } from '@pos/shared';
import { moveLayout, newScaleLayout, readSettingsForm } from './settings-form';

const weight = { id: 'scale-weight-22', pattern: '22PPPPPVVVVVC', value: 'weight' } as const;
const price = { id: 'scale-price', pattern: '2FPPPPPVVVVVC', value: 'price' } as const;
const settings = (scaleLayouts: PricingSettings['scaleLayouts'], cashRounding: PricingSettings['cashRounding'] = { unitMinor: 10, mode: 'down' }): PricingSettings => ({ cashRounding, scaleLayouts, returns: defaultReturnPolicy });
const problemsOf = (values: PricingSettings) => {
  const form = readSettingsForm(values);
  return form.ok ? [] : form.problems;
};

describe('pricing settings form', () => {
  it('gives the body HQ takes, exactly as edited', () => {
    expect(readSettingsForm(settings([weight, price]))).toEqual({ ok: true, body: settings([weight, price]) });
    expect(readSettingsForm(settings([], { unitMinor: 1, mode: 'half_up' }))).toEqual({ ok: true, body: settings([], { unitMinor: 1, mode: 'half_up' }) });
  });

  it('names each wrong pattern at its field, by what is wrong with it', () => {
    expect(problemsOf(settings([weight, { ...price, pattern: '2FPPPPPVVVVV' }]))).toEqual([{ path: 'scaleLayouts.1.pattern', key: 'patternFormat', params: {} }]);
    expect(problemsOf(settings([{ ...weight, pattern: '22PPPPPFFFFFC' }]))).toEqual([{ path: 'scaleLayouts.0.pattern', key: 'patternParts', params: {} }]);
    expect(problemsOf(settings([{ ...weight, pattern: '22PPPVVPPVVVC' }]))).toEqual([{ path: 'scaleLayouts.0.pattern', key: 'patternContiguous', params: {} }]);
    expect(problemsOf(settings([{ ...weight, pattern: '22PPPXXVVVVVC' }]))).toEqual([{ path: 'scaleLayouts.0.pattern', key: 'patternOneCheck', params: {} }]);
    expect(problemsOf(settings([{ ...weight, pattern: '2PPPXVVVVVVVC' }]))).toEqual([{ path: 'scaleLayouts.0.pattern', key: 'patternCheckLength', params: {} }]);
  });

  it('says which layout above takes every label of one put too low', () => {
    expect(problemsOf(settings([price, weight]))).toEqual([{ path: 'scaleLayouts.1.pattern', key: 'patternShadowed', params: { n: 1, pattern: price.pattern } }]);
  });

  it('adds an empty layout, refused with one problem at its pattern until one is typed', () => {
    expect(problemsOf(settings([weight, newScaleLayout('new-1')]))).toEqual([{ path: 'scaleLayouts.1.pattern', key: 'patternFormat', params: {} }]);
  });

  it('moves a layout up or down, and not past either end', () => {
    expect(moveLayout(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLayout(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLayout(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveLayout(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

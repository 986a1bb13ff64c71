import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone';

describe('maskPhone', () => {
  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('never shows a short number whole', () => {
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone('12345')).toBe('****45');
    expect(maskPhone('123')).toBe('****');
  });
});

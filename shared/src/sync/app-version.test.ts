import { describe, expect, it } from 'vitest';
import { compareAppVersions, isVersionRefused } from './app-version';

describe('compareAppVersions', () => {
  it('compares part by part as numbers, not as text', () => {
    expect(compareAppVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareAppVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareAppVersions('0.9.0', '1.0.0')).toBeLessThan(0);
    expect(compareAppVersions('2.0.0', '10.0.0')).toBeLessThan(0);
  });
});

describe('isVersionRefused', () => {
  it('refuses only versions below the minimum, and none without one', () => {
    expect(isVersionRefused('1.3.9', '1.4.0')).toBe(true);
    expect(isVersionRefused('1.4.0', '1.4.0')).toBe(false);
    expect(isVersionRefused('1.5.0', '1.4.0')).toBe(false);
    expect(isVersionRefused('0.0.1', null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeKeyboardReports } from '../scanner/keyboard-report-decoder';
import { keyboardReportsFor } from '../sim/simulated-hid';
import { maskCardNumber, parseSwipe } from './card-track-parser';

describe('magnetic stripe tracks', () => {
  it('reads number, name and expiry from tracks 1 and 2 typed by a wedge reader', () => {
    const typed = decodeKeyboardReports(keyboardReportsFor('%B6222021234567890^ZHANG/SAN^28121010000000000?;6222021234567890=28121010000000000?'));
    expect(parseSwipe(typed[0]!)).toEqual({ ok: true, card: { number: '6222021234567890', name: 'SAN ZHANG', expiry: '2812', tracks: [1, 2] } });
  });

  it('reads a member card that only has track 2', () => {
    expect(parseSwipe(';8800123456=?')).toEqual({ ok: true, card: { number: '8800123456', name: null, expiry: null, tracks: [2] } });
  });

  it('reports a misread when the reader sends error sentinels or the tracks disagree', () => {
    expect(parseSwipe('%E?;E?')).toEqual({ ok: false, reason: 'misread' });
    expect(parseSwipe('%B6222021234567890^ZHANG/SAN^2812?;6222029999999999=2812?')).toEqual({ ok: false, reason: 'misread' });
  });

  it('masks all but the last four digits', () => {
    expect(maskCardNumber('6222021234567890')).toBe('************7890');
  });
});

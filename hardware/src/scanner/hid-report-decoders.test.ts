import { describe, expect, it } from 'vitest';
import { keyboardReportsFor } from '../sim/simulated-hid';
import { createHidPosDecoder, type HidPosScan } from './hid-pos-decoder';
import { decodeKeyboardReports } from './keyboard-report-decoder';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));

describe('keyboard boot reports (US layout)', () => {
  it('decodes a recorded EAN-13 scan with repeated digits and the Enter suffix', () => {
    // 6901234567892: digits, the two 9s, and Enter; each key followed by an all-keys-up report.
    const recorded = ['23', '26', '27', '1e', '1f', '20', '21', '22', '23', '24', '25', '26', '1f', '28']
      .flatMap((k) => [hex(`0000${k}0000000000`), hex('0000000000000000')]);
    expect(decodeKeyboardReports(recorded)).toEqual(['6901234567892']);
  });

  it('applies left and right shift, and counts a key held across reports once', () => {
    const recorded = [
      hex('0200040000000000'), // shift + a → A
      hex('0200040000000000'), // still held: no new character
      hex('0000000000000000'),
      hex('2000050000000000'), // right shift + b → B
      hex('0000000000000000'),
      hex('00001e0000000000'), hex('00001e1f00000000'), // 1, then 2 pressed while 1 held
      hex('0000000000000000'),
      hex('0200250000000000'), // shift + 8 → *
      hex('0000000000000000'),
      hex('0000580000000000'), // keypad Enter
    ];
    expect(decodeKeyboardReports(recorded)).toEqual(['AB12*']);
  });

  it('ignores phantom-key rollover reports and reads a nine-byte report with a report id', () => {
    const recorded = [hex('0000010101010101'), hex('01 00 00 0b 00 00 00 00 00'), hex('01 00 00 00 00 00 00 00 00'), hex('01 00 00 28 00 00 00 00 00')];
    expect(decodeKeyboardReports(recorded)).toEqual(['h']);
  });

  it('round-trips the reports the simulator types', () => {
    const text = '%B6222021234567890^ZHANG/SAN^2812?;6222021234567890=2812?';
    expect(decodeKeyboardReports(keyboardReportsFor(text))).toEqual([text]);
  });
});

describe('HID-POS scanner reports', () => {
  const decode = (reports: Uint8Array[]) => {
    const scans: HidPosScan[] = [];
    const decoder = createHidPosDecoder((s) => scans.push(s));
    for (const r of reports) decoder.push(r);
    return scans;
  };
  const report = (data: string, aim: string, more: boolean) => {
    const bytes = new Uint8Array(64);
    bytes.set([0x02, data.length, ...Buffer.from(aim, 'latin1'), ...Buffer.from(data, 'latin1')]);
    bytes[63] = more ? 1 : 0;
    return bytes;
  };

  it('reads the data and AIM symbology of one report', () => {
    expect(decode([report('6901234567892', ']E0', false)])).toEqual([{ data: '6901234567892', symbology: ']E0' }]);
  });

  it('joins a long scan continued over several reports', () => {
    const qr = 'https://example.com/r/0190f5a2-7c3e-7a10-8b2c-4d5e6f708192';
    expect(decode([report(qr.slice(0, 40), ']Q1', true), report(qr.slice(40), ']Q1', false)])).toEqual([{ data: qr, symbology: ']Q1' }]);
  });

  it('ignores reports that are not scanned data', () => {
    expect(decode([hex('0400010203040506')])).toEqual([]);
  });
});

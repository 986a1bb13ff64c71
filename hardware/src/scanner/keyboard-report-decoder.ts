/**
 * Keyboard boot reports (modifier byte, reserved byte, six key codes) turned back into the
 * characters a US-layout keyboard would type. A key counts when it appears in a report and
 * was not down in the previous one; Enter ends a line.
 */
const SHIFT = 0x22;
const ENTER_KEYS = new Set([0x28, 0x58]);
const ROLLOVER = 0x01;

const US_LAYOUT: Record<number, readonly [string, string]> = {
  0x1e: ['1', '!'], 0x1f: ['2', '@'], 0x20: ['3', '#'], 0x21: ['4', '$'], 0x22: ['5', '%'],
  0x23: ['6', '^'], 0x24: ['7', '&'], 0x25: ['8', '*'], 0x26: ['9', '('], 0x27: ['0', ')'],
  0x2b: ['\t', '\t'], 0x2c: [' ', ' '], 0x2d: ['-', '_'], 0x2e: ['=', '+'], 0x2f: ['[', '{'], 0x30: [']', '}'],
  0x31: ['\\', '|'], 0x33: [';', ':'], 0x34: ["'", '"'], 0x35: ['`', '~'], 0x36: [',', '<'],
  0x37: ['.', '>'], 0x38: ['/', '?'], 0x54: ['/', '/'], 0x55: ['*', '*'], 0x56: ['-', '-'], 0x57: ['+', '+'],
  0x59: ['1', '1'], 0x5a: ['2', '2'], 0x5b: ['3', '3'], 0x5c: ['4', '4'], 0x5d: ['5', '5'],
  0x5e: ['6', '6'], 0x5f: ['7', '7'], 0x60: ['8', '8'], 0x61: ['9', '9'], 0x62: ['0', '0'], 0x63: ['.', '.'],
};
for (let i = 0; i < 26; i++) US_LAYOUT[0x04 + i] = [String.fromCharCode(97 + i), String.fromCharCode(65 + i)];

export const usLayoutKeys = (): ReadonlyMap<string, { key: number; shift: boolean }> => {
  const map = new Map<string, { key: number; shift: boolean }>();
  for (const [code, [plain, shifted]] of Object.entries(US_LAYOUT)) {
    if (!map.has(plain)) map.set(plain, { key: Number(code), shift: false });
    if (!map.has(shifted)) map.set(shifted, { key: Number(code), shift: true });
  }
  return map;
};

export function createKeyboardDecoder(onLine: (line: string) => void) {
  let previous = new Set<number>();
  let line = '';
  return {
    push(report: Uint8Array): void {
      const keys = report.length === 9 ? report.subarray(1) : report;
      const pressed = [...keys.subarray(2, 8)].filter((k) => k !== 0);
      if (pressed.includes(ROLLOVER)) return;
      const shift = ((keys[0] ?? 0) & SHIFT) !== 0;
      for (const key of pressed) {
        if (previous.has(key)) continue;
        if (ENTER_KEYS.has(key)) {
          if (line !== '') onLine(line);
          line = '';
          continue;
        }
        const chars = US_LAYOUT[key];
        if (chars) line += chars[shift ? 1 : 0];
      }
      previous = new Set(pressed);
    },
  };
}

/** Every line typed by a recorded sequence of reports. */
export function decodeKeyboardReports(reports: readonly Uint8Array[]): string[] {
  const lines: string[] = [];
  const decoder = createKeyboardDecoder((l) => lines.push(l));
  for (const report of reports) decoder.push(report);
  return lines;
}

/**
 * HID-POS bar code scanners (usage page 0x8C) send "scanned data" input reports: report id 2,
 * the data length, a three-character AIM symbology identifier, the data, and in the last byte
 * a flag saying more of the same scan follows in the next report.
 */
export const HID_POS_USAGE_PAGE = 0x8c;
const SCANNED_DATA_REPORT = 0x02;

export interface HidPosScan {
  data: string;
  symbology: string | null;
}

export function createHidPosDecoder(onScan: (scan: HidPosScan) => void) {
  let pending = '';
  let symbology: string | null = null;
  return {
    push(report: Uint8Array): void {
      if (report[0] !== SCANNED_DATA_REPORT || report.length < 6) return;
      const length = Math.min(report[1] ?? 0, report.length - 6);
      const aim = Buffer.from(report.subarray(2, 5)).toString('latin1');
      symbology ??= aim.startsWith(']') ? aim : null;
      pending += Buffer.from(report.subarray(5, 5 + length)).toString('latin1');
      const continues = ((report[report.length - 1] ?? 0) & 0x01) === 1;
      if (continues) return;
      const data = pending.replace(/[\r\n]+$/, '');
      if (data !== '') onScan({ data, symbology });
      pending = '';
      symbology = null;
    },
  };
}

import type { Bitmap, DrawerPin } from './printer-profile';

/** The ESC/POS commands the bridge writes, byte for byte (Epson TM-series reference). */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export const LF = Uint8Array.of(0x0a);
export const initialise = () => Uint8Array.of(ESC, 0x40);
export const chineseModeOn = () => Uint8Array.of(FS, 0x26);
export const chineseModeOff = () => Uint8Array.of(FS, 0x2e);
export const selectCodePage = (n: number) => Uint8Array.of(ESC, 0x74, n);
export const bold = (on: boolean) => Uint8Array.of(ESC, 0x45, on ? 1 : 0);
export const doubleSize = (on: boolean) => Uint8Array.of(GS, 0x21, on ? 0x11 : 0x00);
export const align = (where: 'left' | 'center' | 'right') => Uint8Array.of(ESC, 0x61, { left: 0, center: 1, right: 2 }[where]);
export const feedLines = (n: number) => Uint8Array.of(ESC, 0x64, n);
export const cutPaper = (partial: boolean) => Uint8Array.of(GS, 0x56, partial ? 1 : 0);
/** Pulse 25 × 2 ms on, 120 × 2 ms off: long enough for common drawer solenoids. */
export const kickDrawer = (pin: DrawerPin) => Uint8Array.of(ESC, 0x70, pin === 2 ? 0 : 1, 0x19, 0x78);

/** CODE128 in code set B, human-readable text below. */
export function code128(data: string, moduleWidth: number): Uint8Array {
  const body = [0x7b, 0x42, ...Array.from(data, (c) => c.charCodeAt(0))];
  return Uint8Array.of(GS, 0x68, 60, GS, 0x77, moduleWidth, GS, 0x48, 2, GS, 0x6b, 73, body.length, ...body);
}

/** `GS v 0` raster bit image, in bands of at most 255 rows so small printer buffers cope. */
export function rasterImage(bitmap: Bitmap): Uint8Array {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const parts: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += 255) {
    const rows = Math.min(255, bitmap.height - top);
    const header = Uint8Array.of(GS, 0x76, 0x30, 0, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8);
    parts.push(header, bitmap.data.subarray(top * bytesPerRow, (top + rows) * bytesPerRow));
  }
  return concatBytes(parts);
}

/** Real-time status request (`DLE EOT n`): 2 = offline cause (cover), 4 = paper sensor. */
export const statusRequest = (n: 1 | 2 | 3 | 4) => Uint8Array.of(0x10, 0x04, n);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

import qrcode from 'qrcode-generator';
import type { Bitmap } from './printer-profile';

/** Modules CODE128 set B needs: start, data, checksum, stop (13 modules). */
export const code128Modules = (data: string) => 11 * (data.length + 2) + 13;

/** A QR code as a raster image: prints on every model, unlike `GS ( k` which many Epsons ignore. */
export function qrBitmap(data: string, dotsPerLine: number): Bitmap {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const scale = Math.max(2, Math.min(6, Math.floor(dotsPerLine / 2 / (count + 2 * quiet))));
  const size = (count + 2 * quiet) * scale;
  return drawBitmap(size, size, (x, y) => {
    const col = Math.floor(x / scale) - quiet;
    const row = Math.floor(y / scale) - quiet;
    return row >= 0 && col >= 0 && row < count && col < count && qr.isDark(row, col);
  });
}

export function drawBitmap(width: number, height: number, isBlack: (x: number, y: number) => boolean): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (isBlack(x, y)) data[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, data };
}

export function isBlackAt(bitmap: Bitmap, x: number, y: number): boolean {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  return ((bitmap.data[y * bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

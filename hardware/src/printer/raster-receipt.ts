import type { CharWidth, PrintLine } from '@pos/shared/receipt/index';
import { drawBitmap, isBlackAt, qrBitmap } from './code-images';
import type { Bitmap, PrinterProfile } from './printer-profile';

/** A bitmap font: 16 rows per glyph, 8 dots wide for one column, 16 for two. */
export interface GlyphSource {
  glyph(char: string): { columns: 1 | 2; rows: readonly number[] } | undefined;
  width: CharWidth;
}

interface Strip {
  height: number;
  isBlack(x: number, y: number): boolean;
}

const LINE_GAP = 4;

/** The whole receipt as one image, so printers without a Chinese font print it all. */
export function renderRasterReceipt(lines: readonly PrintLine[], profile: PrinterProfile, glyphs: GlyphSource): Bitmap {
  const cell = Math.floor(profile.dotsPerLine / profile.columns);
  const strips = lines.flatMap((line): Strip[] => {
    if (line.kind === 'text') return [textStrip(line.text, line.bold, line.large ? cell * 2 : cell, glyphs)];
    const image = line.kind === 'logo' ? profile.logo : qrBitmap(line.data, profile.dotsPerLine);
    return image ? [imageStrip(image, profile.dotsPerLine)] : [];
  });
  const offsets = strips.reduce<number[]>((acc, s, i) => [...acc, (acc[i] ?? 0) + s.height], [0]);
  const height = Math.max(1, offsets[offsets.length - 1] ?? 1);
  return drawBitmap(profile.dotsPerLine, height, (x, y) => {
    const index = offsets.findIndex((top, i) => y >= top && y < (offsets[i + 1] ?? 0));
    const strip = strips[index];
    return strip !== undefined && strip.isBlack(x, y - (offsets[index] ?? 0));
  });
}

function textStrip(text: string, bold: boolean, cell: number, glyphs: GlyphSource): Strip {
  const chars = Array.from(text);
  const starts = chars.reduce<number[]>((acc, c, i) => [...acc, (acc[i] ?? 0) + glyphs.width(c)], [0]);
  const glyphHeight = cell * 2;
  const inkAt = (x: number, y: number): boolean => {
    const column = Math.floor(x / cell);
    const index = starts.findIndex((start, i) => column >= start && column < (starts[i + 1] ?? 0));
    const glyph = index >= 0 ? glyphs.glyph(chars[index] ?? ' ') : undefined;
    if (!glyph || y >= glyphHeight) return false;
    const gx = Math.floor(((x - (starts[index] ?? 0) * cell) * 8) / cell);
    const row = glyph.rows[Math.floor((y * 16) / glyphHeight)] ?? 0;
    return (row & (1 << (glyph.columns * 8 - 1 - gx))) !== 0;
  };
  return { height: glyphHeight + LINE_GAP, isBlack: (x, y) => inkAt(x, y) || (bold && x > 0 && inkAt(x - 1, y)) };
}

function imageStrip(image: Bitmap, dotsPerLine: number): Strip {
  const left = Math.max(0, Math.floor((dotsPerLine - image.width) / 2));
  return {
    height: image.height + LINE_GAP,
    isBlack: (x, y) => y < image.height && x >= left && x - left < image.width && isBlackAt(image, x - left, y),
  };
}

import type { GlyphSource } from './raster-receipt';

/**
 * Reads a font in the GNU Unifont `.hex` format (`0041:0000000018242442427E424242420000`):
 * 32 hex digits for an 8×16 glyph, 64 for 16×16. Debian's `unifont` package ships one.
 */
export function parseHexFont(text: string): GlyphSource {
  const glyphs = new Map<number, { columns: 1 | 2; rows: number[] }>();
  for (const line of text.split('\n')) {
    const match = /^([0-9A-Fa-f]{4,6}):([0-9A-Fa-f]{32}|[0-9A-Fa-f]{64})\s*$/.exec(line);
    if (!match) continue;
    const hex = match[2]!;
    const columns = hex.length === 64 ? 2 : 1;
    const digits = columns * 2;
    const rows = Array.from({ length: 16 }, (_, r) => parseInt(hex.slice(r * digits, (r + 1) * digits), 16));
    glyphs.set(parseInt(match[1]!, 16), { columns, rows });
  }
  const replacement = glyphs.get(0xfffd) ?? glyphs.get(0x3f);
  const find = (char: string) => glyphs.get(char.codePointAt(0) ?? 0);
  return {
    glyph: (char) => find(char) ?? replacement,
    width: (char) => find(char)?.columns ?? 1,
  };
}

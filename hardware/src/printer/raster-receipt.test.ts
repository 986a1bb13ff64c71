import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './decode-escpos';
import { encodeReceipt } from './encode-receipt';
import { parseHexFont } from './hex-font';
import { defaultProfile } from './printer-profile';

// Three glyphs in GNU Unifont .hex form: "A" (8×16), "中" (16×16) and the replacement box.
const FONT = [
  '0041:0000000018242442427E424242420000',
  '4E2D:010001000100FFFE8102810281028102FFFE8102010001000100010001000100',
  'FFFD:00007FFE4002400240024002400240024002400240024002400240027FFE0000',
].join('\n');

describe('raster mode', () => {
  it('prints the whole receipt as one GS v 0 image as wide as the paper, then cuts', () => {
    const glyphs = parseHexFont(FONT);
    const model = { documentId: 'd', currencyExponent: 2, blocks: [{ kind: 'text' as const, text: 'A中' }, { kind: 'pair' as const, left: 'A', right: '中', bold: true }] };
    const events = decodeEscPos(encodeReceipt(model, defaultProfile(58, { raster: true }), { openDrawer: false, glyphs }), { startsInChineseMode: true });
    expect(events.map((e) => e.kind)).toEqual(['init', 'image', 'feed', 'cut']);
    const image = events[1]!;
    expect(image.kind === 'image' && [image.width, image.height]).toEqual([384, 2 * (24 + 4)]);
    expect(image.kind === 'image' && image.data.some((b) => b !== 0)).toBe(true);
  });

  it('counts a glyph of the font as wide as the font draws it', () => {
    const glyphs = parseHexFont(FONT);
    expect([glyphs.width('A'), glyphs.width('中'), glyphs.width('x')]).toEqual([1, 2, 1]);
  });
});

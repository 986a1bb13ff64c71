import { layoutReceipt, type PrintLine, type ReceiptModel } from '@pos/shared/receipt/index';
import * as cmd from './escpos-commands';
import { code128Modules, qrBitmap } from './code-images';
import { isMultiByte, SINGLE_BYTE_CODE_PAGES, type PrinterProfile } from './printer-profile';
import { renderRasterReceipt, type GlyphSource } from './raster-receipt';
import { textCodecFor, type TextCodec } from './text-codec';

export interface EncodeOptions {
  /** Kick the drawer as printing starts, so it opens while the receipt comes out. */
  openDrawer: boolean;
  /** Needed only by raster profiles. */
  glyphs?: GlyphSource;
}

/** Receipt model → the exact ESC/POS byte stream for one printer profile. Pure. */
export function encodeReceipt(model: ReceiptModel, profile: PrinterProfile, options: EncodeOptions): Uint8Array {
  const codec = textCodecFor(profile.encoding);
  const lines = layoutReceipt(model, { columns: profile.columns, width: profile.raster ? rasterWidth(options) : codec.width });
  const body = profile.raster ? [encodeRaster(lines, profile, options)] : lines.map((line) => encodeLine(line, profile, codec));
  return cmd.concatBytes([
    cmd.initialise(),
    ...(profile.raster ? [] : characterSetup(profile)),
    ...(options.openDrawer ? profile.drawerPins.map(cmd.kickDrawer) : []),
    ...body,
    ...finish(profile),
  ]);
}

/** Kicks the drawer on every configured pin and nothing else. */
export function encodeDrawerKick(profile: PrinterProfile): Uint8Array {
  return cmd.concatBytes(profile.drawerPins.map(cmd.kickDrawer));
}

function characterSetup(profile: PrinterProfile): Uint8Array[] {
  if (profile.cjkMode) return [cmd.chineseModeOn()];
  if (isMultiByte(profile.encoding)) return [];
  return [cmd.chineseModeOff(), cmd.selectCodePage(SINGLE_BYTE_CODE_PAGES[profile.encoding as keyof typeof SINGLE_BYTE_CODE_PAGES])];
}

function finish(profile: PrinterProfile): Uint8Array[] {
  const feed = profile.feedBeforeCut > 0 ? [cmd.feedLines(profile.feedBeforeCut)] : [];
  return profile.cut === 'none' ? feed : [...feed, cmd.cutPaper(profile.cut === 'partial')];
}

function encodeLine(line: PrintLine, profile: PrinterProfile, codec: TextCodec): Uint8Array {
  if (line.kind === 'text') {
    const on = [...(line.bold ? [cmd.bold(true)] : []), ...(line.large ? [cmd.doubleSize(true)] : [])];
    const off = [...(line.large ? [cmd.doubleSize(false)] : []), ...(line.bold ? [cmd.bold(false)] : [])];
    return cmd.concatBytes([...on, codec.encode(line.text), cmd.LF, ...off]);
  }
  if (line.kind === 'logo') return profile.logo ? centred(cmd.rasterImage(profile.logo)) : new Uint8Array();
  if (!profile.codes) return cmd.concatBytes([codec.encode(line.data), cmd.LF]);
  const moduleWidth = Math.min(3, Math.floor(profile.dotsPerLine / code128Modules(line.data)));
  if (line.symbology === 'code128' && moduleWidth >= 1) return centred(cmd.code128(line.data, moduleWidth), cmd.LF);
  return centred(cmd.rasterImage(qrBitmap(line.data, profile.dotsPerLine)));
}

const centred = (...parts: Uint8Array[]) => cmd.concatBytes([cmd.align('center'), ...parts, cmd.align('left')]);

function rasterWidth(options: EncodeOptions) {
  if (!options.glyphs) throw new Error('a raster profile needs a glyph source');
  return options.glyphs.width;
}

function encodeRaster(lines: PrintLine[], profile: PrinterProfile, options: EncodeOptions): Uint8Array {
  if (!options.glyphs) throw new Error('a raster profile needs a glyph source');
  return cmd.rasterImage(renderRasterReceipt(lines, profile, options.glyphs));
}

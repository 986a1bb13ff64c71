import iconv from 'iconv-lite';
import type { CharWidth } from '@pos/shared/receipt/index';
import { isMultiByte, type TextEncoding } from './printer-profile';

/**
 * Encodes text for one printer and says how many columns each character takes there. A
 * two-byte GBK character prints double width, so width follows the encoded length.
 */
export interface TextCodec {
  encode(text: string): Uint8Array;
  width: CharWidth;
}

/** `¥` is four bytes in GB18030 and absent from GBK; the full-width form prints on both. */
const MULTI_BYTE_SUBSTITUTES: Record<string, string> = { '¥': '￥' };

export function textCodecFor(encoding: TextEncoding): TextCodec {
  const multiByte = isMultiByte(encoding);
  const normalise = (text: string) => (multiByte ? Array.from(text, (c) => MULTI_BYTE_SUBSTITUTES[c] ?? c).join('') : text);
  const widths = new Map<string, number>();
  const width: CharWidth = (char) => {
    let w = widths.get(char);
    if (w === undefined) {
      w = multiByte ? Math.min(2, iconv.encode(normalise(char), encoding).length) : 1;
      widths.set(char, w);
    }
    return w;
  };
  return { encode: (text) => new Uint8Array(iconv.encode(normalise(text), encoding)), width };
}

import { z } from 'zod';

/** Code page number for `ESC t n` on Epson-compatible printers. */
export const SINGLE_BYTE_CODE_PAGES = { cp437: 0, cp858: 19, cp866: 17, windows1252: 16 } as const;
export const MULTI_BYTE_ENCODINGS = ['gbk', 'gb18030'] as const;
export const TextEncoding = z.enum([...MULTI_BYTE_ENCODINGS, 'cp437', 'cp858', 'cp866', 'windows1252']);
export type TextEncoding = z.infer<typeof TextEncoding>;

export const Bitmap = z.object({
  width: z.number().int().min(1).max(576),
  height: z.number().int().min(1).max(2000),
  /** Rows top to bottom, each ceil(width / 8) bytes, most significant bit leftmost; 1 is black. */
  data: z.instanceof(Uint8Array),
});
export type Bitmap = z.infer<typeof Bitmap>;

export const DrawerPin = z.union([z.literal(2), z.literal(5)]);
export type DrawerPin = z.infer<typeof DrawerPin>;

export const PrinterProfile = z
  .object({
    paperWidthMm: z.union([z.literal(58), z.literal(80)]),
    columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
    dotsPerLine: z.number().int().min(256).max(832),
    encoding: TextEncoding,
    /** Sends `FS &` so the printer reads two-byte Chinese; off leaves the printer in its start-up mode. */
    cjkMode: z.boolean(),
    cut: z.enum(['full', 'partial', 'none']),
    feedBeforeCut: z.number().int().min(0).max(10),
    drawerPins: z.array(DrawerPin).min(1).max(2),
    codes: z.boolean(),
    /** Renders the whole receipt as one image, for printers without a Chinese font. */
    raster: z.boolean(),
    logo: Bitmap.nullable(),
  })
  .refine((p) => !p.cjkMode || isMultiByte(p.encoding), { message: 'CJK mode needs GBK or GB18030', path: ['cjkMode'] })
  .refine((p) => (p.paperWidthMm === 58 ? p.columns === 32 : p.columns !== 32), { message: '58 mm paper has 32 columns, 80 mm has 42 or 48', path: ['columns'] });
export type PrinterProfile = z.infer<typeof PrinterProfile>;

export function isMultiByte(encoding: TextEncoding): encoding is (typeof MULTI_BYTE_ENCODINGS)[number] {
  return (MULTI_BYTE_ENCODINGS as readonly string[]).includes(encoding);
}

const PAPER = { 58: { columns: 32, dotsPerLine: 384 }, 80: { columns: 48, dotsPerLine: 576 } } as const;

/** A profile for a printer sold in China: GBK, Chinese mode, full cut, drawer on pin 2. */
export function defaultProfile(paperWidthMm: 58 | 80, overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return PrinterProfile.parse({
    paperWidthMm,
    ...PAPER[paperWidthMm],
    encoding: 'gbk',
    cjkMode: true,
    cut: 'full',
    feedBeforeCut: 4,
    drawerPins: [2],
    codes: true,
    raster: false,
    logo: null,
    ...overrides,
  });
}

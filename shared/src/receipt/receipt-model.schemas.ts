import { z } from 'zod';
import { MinorSchema } from '../money/money';

/**
 * What a printer is asked to print, independent of paper width and encoding: the bridge turns
 * it into ESC/POS bytes for one printer profile, the till into HTML when no bridge answers.
 */
export const ReceiptAlign = z.enum(['left', 'center', 'right']);
export type ReceiptAlign = z.infer<typeof ReceiptAlign>;

const PrintableText = z.string().max(400).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');
const Emphasis = { bold: z.boolean().optional(), large: z.boolean().optional() };

export const TextBlock = z.object({ kind: z.literal('text'), text: PrintableText, align: ReceiptAlign.optional(), ...Emphasis });
/** A label on the left and a value flush right, e.g. "Total  12.00". */
export const PairBlock = z.object({ kind: z.literal('pair'), left: PrintableText, right: PrintableText, indent: z.number().int().min(0).max(8).optional(), ...Emphasis });
/** One sold or moved item: names wrap over full lines, then "qty x price ... amount". */
export const ItemBlock = z.object({
  kind: z.literal('item'),
  name: PrintableText.pipe(z.string().min(1)),
  secondName: PrintableText.nullable(),
  quantity: z.number().int().min(-100_000).max(100_000),
  unitPriceMinor: MinorSchema.nullable(),
  amountMinor: MinorSchema.nullable(),
});
export const RuleBlock = z.object({ kind: z.literal('rule'), char: z.enum(['-', '=']) });
export const FeedBlock = z.object({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10) });
export const CodeSymbology = z.enum(['code128', 'qr']);
export type CodeSymbology = z.infer<typeof CodeSymbology>;
export const CodeBlock = z.object({ kind: z.literal('code'), symbology: CodeSymbology, data: z.string().regex(/^[\x20-\x7e]{1,64}$/, 'must be 1-64 printable ASCII characters') });
/** The store logo configured on the printer profile; printers without one skip it. */
export const LogoBlock = z.object({ kind: z.literal('logo') });

export const ReceiptBlock = z.discriminatedUnion('kind', [TextBlock, PairBlock, ItemBlock, RuleBlock, FeedBlock, CodeBlock, LogoBlock]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;

export const ReceiptModel = z.object({
  /** The sale, slip or report this prints; every print is logged under it. */
  documentId: z.string().min(1).max(64),
  blocks: z.array(ReceiptBlock).min(1).max(2000),
  /** Minor-unit exponent of the currency (2 for CNY). */
  currencyExponent: z.number().int().min(0).max(3),
});
export type ReceiptModel = z.infer<typeof ReceiptModel>;

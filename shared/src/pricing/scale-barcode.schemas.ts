import { z } from 'zod';
import { EntityId } from './pricing.schemas';

function runOf(pattern: string, symbol: string): string {
  return pattern.replace(new RegExp(`[^${symbol}]`, 'g'), '');
}

function isContiguous(pattern: string, symbol: string): boolean {
  const first = pattern.indexOf(symbol);
  return first < 0 || pattern.lastIndexOf(symbol) - first + 1 === runOf(pattern, symbol).length;
}

/**
 * How a chain's scales lay out an EAN-13, one character per digit: a literal digit that must
 * match (the first is always 2), F a flag digit, P the item code, V the value, X the price
 * check digit over V (optional, V then has 4 or 5 digits), C the EAN check digit.
 * Example: `2FPPPPPVVVVVC`, or `21PPPPPXVVVVC` for prefix 21 with a price check digit.
 */
export const ScaleBarcodeLayout = z
  .object({
    id: EntityId,
    pattern: z.string().regex(/^2[0-9FPVX]{11}C$/, 'a 13-digit pattern of 0-9, F, P, V, X ending in C and starting with 2'),
    value: z.enum(['price', 'weight']),
  })
  .superRefine(({ pattern }, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['pattern'], message });
    const values = runOf(pattern, 'V').length;
    if (runOf(pattern, 'P').length === 0 || values === 0) fail('the pattern needs item digits (P) and value digits (V)');
    if (!['P', 'V', 'F'].every((symbol) => isContiguous(pattern, symbol))) fail('P, V and F digits must each be contiguous');
    const checks = runOf(pattern, 'X').length;
    if (checks > 1) fail('at most one price check digit');
    if (checks === 1 && values !== 4 && values !== 5) fail('a price check digit covers 4 or 5 value digits');
  });
export type ScaleBarcodeLayout = z.infer<typeof ScaleBarcodeLayout>;

/** Each position a layout fixes to a literal digit; only codes with those digits are read with it. */
function literalsOf(pattern: string): [number, string][] {
  return [...pattern].flatMap((symbol, index): [number, string][] => (symbol >= '0' && symbol <= '9' ? [[index, symbol]] : []));
}

/** Whether every code `later` could read is taken first by `earlier`: its literal digits are all among `later`'s. */
export function isShadowedBy(later: ScaleBarcodeLayout, earlier: ScaleBarcodeLayout): boolean {
  return literalsOf(earlier.pattern).every(([index, digit]) => later.pattern[index] === digit);
}

/**
 * A chain's layouts in the order a scan tries them: the first whose literal digits match reads
 * the label, so a specific layout (`22PPPPPVVVVVC`) goes before a general one (`2FPPPPPVVVVVC`).
 * Ids are unique, and a layout that an earlier one would always take over (the same pattern
 * twice, or a general one before a specific one) is refused: it could never be used.
 */
export const ScaleBarcodeLayouts = z
  .array(ScaleBarcodeLayout)
  .max(10)
  .superRefine((layouts, ctx) => {
    layouts.forEach((layout, index) => {
      const earlier = layouts.slice(0, index);
      if (earlier.some((other) => other.id === layout.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `layout id ${layout.id} is used twice` });
      const shadow = earlier.find((other) => isShadowedBy(layout, other));
      if (shadow) ctx.addIssue({ code: 'custom', path: [index, 'pattern'], message: `every label this layout reads is read first by layout ${shadow.id} (${shadow.pattern}); put the more specific layout first` });
    });
  });

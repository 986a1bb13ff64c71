import { Birthday, CardNo, isSafeText, MobilePhone } from '@pos/shared';
import { z } from 'zod';
import { parseMajorAmount } from '../pricing/csv';

/**
 * Cell types of the import files. A cell is text (an empty one is absent); each type names
 * the form it expects in its message (`amount`, `one_of:a|b`…), which the report passes on
 * as `expected` so the office can word it.
 */
const expecting = (expected: string) => ({ error: expected });

const converted = <T>(expected: string, convert: (text: string) => T | null) =>
  z.string().transform((text, ctx) => {
    const value = convert(text);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });

export const text = (max: number) => z.string().max(max, expecting(`text:${max}`)).refine(isSafeText, expecting(`text:${max}`));

/** A code (SKU, store, supplier, clerk number): letters, digits and `. _ - /`, at most 32. */
export const code = () => z.string().regex(/^[\p{L}\p{N}._\-/]{1,32}$/u, expecting('code'));

/** Money in major units as people write it (12.90), as minor units. */
export const amount = () => converted('amount', (t) => parseMajorAmount(t.replace(/^[¥￥]/, '')));

const yesWords = new Set(['yes', 'y', 'true', '1', '是', '启用', '√']);
const noWords = new Set(['no', 'n', 'false', '0', '否', '停用', '×']);

export const yesNo = () => converted('yes_no', (t) => (yesWords.has(t.toLowerCase()) ? true : noWords.has(t.toLowerCase()) ? false : null));

/** One of a closed set, by its English value or a Chinese word for it; the export writes the English value. */
export function oneOf<T extends string>(words: Record<string, T>) {
  const allowed = [...new Set(Object.values(words))];
  return converted(`one_of:${allowed.join('|')}`, (t) => words[t.toLowerCase()] ?? words[t] ?? null);
}

export const digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`), expecting(`digits:${min}-${max}`));

export const barcode = () => digits(8, 14);
const bySchema = <T>(expected: string, schema: z.ZodType<T, string>) => converted(expected, (t) => {
  const parsed = schema.safeParse(t);
  return parsed.success ? parsed.data : null;
});

export const cardNo = () => bySchema('card_no', CardNo);
/** A mainland mobile number, compacted (`+86 138-0013-8000` is 13800138000). */
export const phone = () => bySchema('phone', MobilePhone);
export const birthday = () => bySchema('birthday', Birthday);
export const email = () => z.email(expecting('email')).max(200, expecting('email'));
export const pin = () => digits(4, 8);

/** Barcodes in one cell, separated by `|`, `;` or spaces. */
export const barcodeList = () =>
  z.string().transform((t) => t.split(/[|;\s]+/).filter(Boolean)).pipe(z.array(digits(8, 14)).max(20, expecting('barcodes')));

import { z } from 'zod';

/** An amount in minor units of the currency (fen, cents). Always a safe integer. */
export type Minor = number & { readonly __brand: 'Minor' };

export const MinorSchema = z
  .number()
  .int('must be a whole number of minor units')
  .refine(Number.isSafeInteger, 'out of range') as unknown as z.ZodType<Minor, number>;

export const NonNegativeMinor = MinorSchema.refine((v) => v >= 0, 'must not be negative');

/** Basis points: 10000 = 100 %. */
export type BasisPoints = number & { readonly __brand: 'BasisPoints' };

export function minor(value: number): Minor {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of minor units: ${value}`);
  return value as Minor;
}

export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0;
  for (const v of values) total += v;
  return minor(total);
}

/** Multiplies an amount by a rational factor, rounding half away from zero. */
export function scaleMinor(amount: Minor, numerator: number, denominator: number): Minor {
  if (denominator === 0) throw new RangeError('denominator is zero');
  const exact = (amount * numerator) / denominator;
  return minor(Math.sign(exact) * Math.round(Math.abs(exact)));
}

/** Formats minor units for display, e.g. 1234 → "12.34" (exponent 2). The only place decimals appear. */
export function formatMinor(amount: Minor, exponent = 2): string {
  const negative = amount < 0;
  const digits = Math.abs(amount).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Parses a decimal string typed by a person ("12.3", "12") into minor units; null when it is not a valid amount. */
export function parseMinor(text: string, exponent = 2): Minor | null {
  const match = /^\s*(-)?(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) return null;
  const value = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  if (!Number.isSafeInteger(value)) return null;
  return minor(sign ? -value : value);
}

/**
 * Card numbers carry a Luhn check digit (模10校验位) as their last digit, so a number mistyped
 * at the counter or misread from a worn stripe is refused before any look-up: one wrong digit
 * or two neighbours swapped always fail the check.
 */

/** The Luhn check digit for the digits before it. */
export function luhnCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('a card number body is digits only');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a whole card number (its last digit the check digit) passes the Luhn check. */
export function hasValidCheckDigit(cardNo: string): boolean {
  if (!/^\d{2,}$/.test(cardNo)) return false;
  return luhnCheckDigit(cardNo.slice(0, -1)) === Number(cardNo.at(-1));
}

/** The digits with their check digit appended. */
export const withCheckDigit = (body: string): string => `${body}${luhnCheckDigit(body)}`;

/**
 * A card number HQ issues: the chain's prefix, the sequence number zero-padded to `width`
 * digits, and the check digit (8888 + 0001 + 8 = 888800018 with a width of four).
 */
export function issuedCardNo(prefix: string, sequence: number, width: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new Error('a card sequence is a whole number from zero');
  const digits = String(sequence);
  if (digits.length > width) throw new Error(`card sequence ${sequence} does not fit in ${width} digits`);
  return withCheckDigit(`${prefix}${digits.padStart(width, '0')}`);
}

/** Masks a card number for a slip, a receipt or a screen: its last four digits, and its first four when it is long enough to keep others hidden. */
export function maskCardNo(cardNo: string): string {
  return cardNo.length > 10 ? `${cardNo.slice(0, 4)}****${cardNo.slice(-4)}` : `****${cardNo.slice(-4)}`;
}

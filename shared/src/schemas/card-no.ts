import { z } from 'zod';
import { hasValidCheckDigit } from '../members/card-number';

export const checkDigitMessage = 'the card number’s check digit does not match: it was mistyped or misread';

/**
 * A member card number: digits, 6 to 19 of them, as a magnetic stripe, a printed barcode or a
 * cashier gives it, the last one its Luhn check digit, so a mistyped number is refused here.
 */
export const CardNo = z
  .string()
  .regex(/^\d{6,19}$/, 'a card number is 6 to 19 digits')
  .refine((digits) => !/^\d{6,19}$/.test(digits) || hasValidCheckDigit(digits), checkDigitMessage);

/**
 * A card number as HQ holds it: digits only. Cards enrolled before check digits may lack a valid
 * one, so what HQ answers is not held to the check that typed and scanned numbers meet.
 */
export const StoredCardNo = z.string().regex(/^\d{6,19}$/);

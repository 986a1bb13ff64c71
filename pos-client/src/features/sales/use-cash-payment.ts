import { useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';
import { currencyExponent } from '../../i18n/translate';

/** Round notes offered as one-touch amounts, in major units. */
export const quickNotes = [10, 20, 50, 100] as const;

/** Enter after 8 or more digits and no decimal point in the cash field is a barcode, not an amount. */
export const looksLikeScan = (typed: string): boolean => /^\d{8,}$/.test(typed);

/** The cash received field: empty means the exact amount. */
export function useCashPayment(total: Minor, currency: string) {
  const exponent = currencyExponent(currency);
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const tenderedFor = (amount: Minor): Minor | null => (trimmed === '' ? amount : parseMinor(trimmed, exponent));
  const tendered = tenderedFor(total);

  return {
    text,
    // Long enough for a 14-digit barcode a wedge scanner types here by mistake, so it can be recognised whole.
    setText: (value: string) => setText(value.replace(/[^\d.,]/g, '').slice(0, 14)),
    /** The cash received against a total, or null when the field is not an amount. */
    tenderedFor,
    changeMinor: tendered !== null && tendered >= total ? minor(tendered - total) : null,
    short: tendered !== null && tendered < total,
    setExact: () => setText(formatMinor(total, exponent)),
    setNote: (major: number) => setText(String(major)),
    noteMinor: (major: number) => minor(major * 10 ** exponent),
    clear: () => setText(''),
  };
}

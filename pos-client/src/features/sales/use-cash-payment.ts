import { useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';
import { currencyExponent } from '../../i18n/translate';

/** Round notes offered as one-touch amounts, in major units. */
export const quickNotes = [10, 20, 50, 100] as const;

/** The cash received field: empty means the exact amount. */
export function useCashPayment(total: Minor, currency: string) {
  const exponent = currencyExponent(currency);
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const tenderedFor = (amount: Minor): Minor | null => (trimmed === '' ? amount : parseMinor(trimmed, exponent));
  const tendered = tenderedFor(total);

  return {
    text,
    setText: (value: string) => setText(value.replace(/[^\d.,]/g, '').slice(0, 12)),
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

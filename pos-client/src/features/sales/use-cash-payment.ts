import { useState } from 'react';
import { formatMinor, minor, parseMinor, type Minor } from '@pos/shared';
import { currencyExponent } from '../../i18n/translate';

/** Round notes offered as one-touch amounts, in major units. */
export const quickNotes = [10, 20, 50, 100] as const;

/** Enter after 8 or more digits and no decimal point in the cash field is a barcode, not an amount. */
export const looksLikeScan = (typed: string): boolean => /^\d{8,}$/.test(typed);

/**
 * The cash received field, against the cash due. Empty is no amount: an empty Enter never
 * takes cash (a double Enter once finished a real sale); the exact amount is its own key.
 */
export function useCashPayment(cashDueMinor: Minor, currency: string) {
  const exponent = currencyExponent(currency);
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const typedMinor = trimmed === '' ? null : parseMinor(trimmed, exponent);

  return {
    text,
    // Long enough for a 14-digit barcode a wedge scanner types here by mistake, so it can be recognised whole.
    setText: (value: string) => setText(value.replace(/[^\d.,]/g, '').slice(0, 14)),
    /** The amount typed; null when the field is empty or not an amount. */
    typedMinor,
    invalid: trimmed !== '' && typedMinor === null,
    changeMinor: typedMinor !== null && typedMinor >= cashDueMinor ? minor(typedMinor - cashDueMinor) : null,
    /** Less than the cash due: Enter takes it as part of the payment. */
    partial: typedMinor !== null && typedMinor > 0 && typedMinor < cashDueMinor,
    setExact: () => setText(formatMinor(cashDueMinor, exponent)),
    setNote: (major: number) => setText(String(major)),
    noteMinor: (major: number) => minor(major * 10 ** exponent),
    clear: () => setText(''),
  };
}

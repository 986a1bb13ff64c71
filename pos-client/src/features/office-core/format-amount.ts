import { formatMinor, minor } from '@pos/shared';

/**
 * Minor units as a decimal with thousands grouping, e.g. 123456789 → "1,234,567.89". The
 * decimal text comes from `formatMinor`; only the grouping is added here.
 */
export function formatAmount(amount: number, exponent = 2): string {
  const text = formatMinor(minor(amount), exponent);
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The chain's currency. The store-day report does not carry one, and every store of a chain sells in the chain's currency. */
export const chainCurrency = 'CNY';

export function formatMoneyText(amount: number, currency = chainCurrency): string {
  const symbol =
    new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  const text = formatAmount(amount);
  return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

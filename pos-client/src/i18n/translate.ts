import { formatMinor, type Locale, type Minor } from '@pos/shared';
import { messagesEn, type MessageKey } from './messages-en';
import { messagesZh } from './messages-zh';

const tables: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...messagesEn }, 'zh-CN': { ...messagesZh } };

/** Adds the text of a part loaded on demand (the back office), so the till's bundle does not carry it. */
export function addMessages(locale: Locale, messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(tables[locale], messages);
}

export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return (tables[locale][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function isMessageKey(key: string): key is MessageKey {
  return key in messagesEn;
}

/** Whether the till has its own words for an error code (HQ may add codes the till does not know yet). */
export function knowsErrorCode(code: string): boolean {
  return isMessageKey(`error.${code}`);
}

/** Display text for an error code from HQ or from the till itself; unknown codes still say which code. */
export function errorText(locale: Locale, code: string, params: MessageParams = {}): string {
  const key = `error.${code}`;
  if (code === 'CLERK_LOCKED') {
    const total = Number(params.retryAfterSeconds ?? 300);
    return translate(locale, 'error.CLERK_LOCKED', { minutes: Math.floor(total / 60), seconds: total % 60 });
  }
  // A till key named by its id is told by its name in the clerk's language.
  const tillKey = `tillKey.${String(params.tillKey)}`;
  const named = isMessageKey(tillKey) ? { ...params, key: translate(locale, tillKey) } : params;
  return isMessageKey(key) ? translate(locale, key, named) : translate(locale, 'error.unknown', { code });
}

/** What a currency is written with, worked out once per currency: Intl formats are slow to make. */
const currencyStyles = new Map<string, { exponent: number; symbol: string }>();

function currencyStyle(currency: string): { exponent: number; symbol: string } {
  let style = currencyStyles.get(currency);
  if (!style) {
    const exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const symbol = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
    style = { exponent, symbol };
    currencyStyles.set(currency, style);
  }
  return style;
}

/** Minor units of a currency per major unit, as a power of ten (CNY 2, JPY 0). */
export function currencyExponent(currency: string): number {
  return currencyStyle(currency).exponent;
}

export function formatMoney(amount: Minor, currency: string): string {
  const { exponent, symbol } = currencyStyle(currency);
  const text = formatMinor(amount, exponent);
  return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

/** One formatter per locale and style, made on first use. */
function dateTimeFormat(cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(locale, format);
  }
  return format;
}

const dateTimes = new Map<Locale, Intl.DateTimeFormat>();
const clocks = new Map<Locale, Intl.DateTimeFormat>();

export function formatDateTime(locale: Locale, iso: string): string {
  return dateTimeFormat(dateTimes, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatClock(locale: Locale, iso: string): string {
  return dateTimeFormat(clocks, locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

/** Field names whose values never reach a log, whatever they hold (compared without `-` and `_`). */
const secretKey = /(pin|password|passcode|token|secret|authorization|cookie|pairingcode|cardno|cardnumber)$/i;

const REDACTED = '[redacted]';

/** Patterns of secrets inside free text, each with what replaces it. */
const secretText: readonly [RegExp, string | ((match: string) => string)][] = [
  // HQ's own bearer tokens (`dev.<chain>.<secret>`), wherever they appear.
  [/\b(?:ofs|dev|cks)\.[0-9a-f-]{36}\.[A-Za-z0-9_-]+/g, REDACTED],
  [/\b(Bearer\s+)\S+/gi, `$1${REDACTED}`],
  // The password in a connection URL (postgres://user:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  // Card and phone numbers: a run of 8 to 19 digits (or groups of four), all but the last four masked.
  [/(?<![\w.-])(?:\d{8,19}|\d{4}(?: \d{4}){2,3}(?: \d{1,3})?)(?![\w.-])/g, (digits) => digits.slice(0, -4).replace(/\d/g, '*') + digits.slice(-4)],
];

/** Free text with every token, URL password and card-like number in it masked. */
export function redactText(text: string): string {
  return secretText.reduce((out, [pattern, replacement]) => (typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement)), text);
}

const MAX_DEPTH = 6;

/**
 * A copy of a value fit for a log: fields named like secrets (PINs, passwords, tokens, card
 * numbers) replaced whole, and secrets inside any text masked. Errors keep their message and stack.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, secretKey.test(key.replace(/[-_]/g, '')) ? REDACTED : redact(item, depth + 1)]));
}

/**
 * A phone number as a cashier may see it: 138****5678, enough to ask "is this yours?" without
 * showing the number to the queue. Shorter numbers keep at most their last four digits, and never
 * fewer than three hidden.
 */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const shown = Math.max(0, Math.min(4, phone.length - 3));
  return `****${phone.slice(phone.length - shown)}`;
}

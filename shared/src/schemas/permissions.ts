import { z } from 'zod';
import type { ClerkRole } from './org';

/** The till's function keys whose use a role decides (收银员权限细到功能键). */
export const TillKey = z.enum([
  'refund',
  'return_without_receipt',
  'price_override',
  'line_discount',
  'ticket_discount',
  'void_line',
  'void_ticket',
  'no_sale',
  'reprint',
  'cash_in_out',
  'shift_close',
]);
export type TillKey = z.infer<typeof TillKey>;

/** A key is allowed, needs a manager's PIN on the spot, or is forbidden. */
export const KeyPolicy = z.enum(['allowed', 'manager_pin', 'forbidden']);
export type KeyPolicy = z.infer<typeof KeyPolicy>;

/** A discount limit in basis points of the line's or ticket's amount: 1000 is 10%. */
const limitBp = z.number().int().min(0).max(10_000);

/**
 * What a till role lets a clerk do. A discount within the limit follows its key's policy; one
 * above it needs a manager's PIN (or is refused when the key is forbidden).
 */
export const TillPermissions = z.object({
  keys: z.object(Object.fromEntries(TillKey.options.map((key) => [key, KeyPolicy])) as Record<TillKey, typeof KeyPolicy>),
  lineDiscountLimitBp: limitBp,
  ticketDiscountLimitBp: limitBp,
});
export type TillPermissions = z.infer<typeof TillPermissions>;

const everyKey = (policy: KeyPolicy) => Object.fromEntries(TillKey.options.map((key) => [key, policy])) as Record<TillKey, KeyPolicy>;

/** What a clerk may do when their clerk record names no till role: a store manager everything, others as a cautious chain would set it. */
export function defaultTillPermissions(role: ClerkRole): TillPermissions {
  if (role === 'store_manager') return { keys: everyKey('allowed'), lineDiscountLimitBp: 10_000, ticketDiscountLimitBp: 10_000 };
  return {
    keys: { ...everyKey('manager_pin'), void_line: 'allowed', reprint: 'allowed', shift_close: 'allowed' },
    lineDiscountLimitBp: 0,
    ticketDiscountLimitBp: 0,
  };
}

import type { TillKey, TillPermissions } from '../schemas/permissions';

/** What a till key press may do for this clerk: go ahead, ask for a manager's code and PIN, or be refused. */
export type GateVerdict = 'allowed' | 'needs_manager' | 'forbidden';

/** The discount keys, whose role limits a discount by its share of the line or ticket. */
const discountLimit = { line_discount: 'lineDiscountLimitBp', ticket_discount: 'ticketDiscountLimitBp' } as const;

/**
 * Whether a clerk with these permissions may use a key (收银员权限细到功能键). A discount is
 * judged by its size too, as basis points of what it is on: within the role's limit it follows
 * the key's policy; above it, it needs a manager, unless the key is forbidden outright.
 */
export function tillGate(permissions: TillPermissions, key: TillKey, discountBp = 0): GateVerdict {
  const policy = permissions.keys[key];
  if (policy === 'forbidden') return 'forbidden';
  const limitField = key === 'line_discount' || key === 'ticket_discount' ? discountLimit[key] : null;
  if (limitField && discountBp > permissions[limitField]) return 'needs_manager';
  return policy === 'allowed' ? 'allowed' : 'needs_manager';
}

/**
 * A discount's size as basis points of what it is on, rounded up, so a discount a fen over the
 * limit is over it. A target worth nothing counts as the whole of it.
 */
export function discountBasisPoints(offMinor: number, targetMinor: number): number {
  if (targetMinor <= 0) return 10_000;
  return Math.min(10_000, Math.ceil((offMinor * 10_000) / targetMinor));
}

/** Whether a manager with these permissions may approve this key for someone else: only what they may do alone. */
export function mayApprove(permissions: TillPermissions, key: TillKey, discountBp = 0): boolean {
  return tillGate(permissions, key, discountBp) === 'allowed';
}

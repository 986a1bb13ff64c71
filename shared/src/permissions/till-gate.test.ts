import { describe, expect, it } from 'vitest';
import { defaultTillPermissions, TillKey, type TillPermissions } from '../schemas/permissions';
import { discountBasisPoints, mayApprove, tillGate } from './till-gate';

const cashier: TillPermissions = {
  ...defaultTillPermissions('cashier'),
  keys: { ...defaultTillPermissions('cashier').keys, line_discount: 'allowed', ticket_discount: 'allowed', no_sale: 'forbidden', refund: 'manager_pin' },
  lineDiscountLimitBp: 1000,
  ticketDiscountLimitBp: 500,
};

describe('the till permission gate', () => {
  it('lets a discount within the role limit through and asks a manager above it', () => {
    expect(tillGate(cashier, 'line_discount', 1000)).toBe('allowed');
    expect(tillGate(cashier, 'line_discount', 1001)).toBe('needs_manager');
    expect(tillGate(cashier, 'ticket_discount', 500)).toBe('allowed');
    expect(tillGate(cashier, 'ticket_discount', 600)).toBe('needs_manager');
  });

  it('follows the key policy for keys without a size, and refuses a forbidden key whatever the size', () => {
    expect(tillGate(cashier, 'no_sale')).toBe('forbidden');
    expect(tillGate(cashier, 'refund')).toBe('needs_manager');
    expect(tillGate(cashier, 'void_line')).toBe('allowed');
    const noDiscounts = { ...cashier, keys: { ...cashier.keys, line_discount: 'forbidden' as const } };
    expect(tillGate(noDiscounts, 'line_discount', 0)).toBe('forbidden');
    expect(tillGate(noDiscounts, 'line_discount', 5000)).toBe('forbidden');
  });

  it('keeps the default cashier asking a manager for any discount, and the store manager free', () => {
    expect(tillGate(defaultTillPermissions('cashier'), 'line_discount', 1)).toBe('needs_manager');
    const manager = defaultTillPermissions('store_manager');
    for (const key of TillKey.options) expect(tillGate(manager, key, 10_000)).toBe('allowed');
  });

  it('lets only a clerk allowed the key alone approve it for someone else', () => {
    expect(mayApprove(defaultTillPermissions('store_manager'), 'no_sale')).toBe(true);
    expect(mayApprove(cashier, 'line_discount', 2000)).toBe(false);
    expect(mayApprove(cashier, 'line_discount', 800)).toBe(true);
    expect(mayApprove(cashier, 'refund')).toBe(false);
  });

  it('rounds a discount share up, so a fen over the limit is over it', () => {
    expect(discountBasisPoints(100, 1000)).toBe(1000);
    expect(discountBasisPoints(101, 1000)).toBe(1010);
    expect(discountBasisPoints(1, 3)).toBe(3334);
    expect(discountBasisPoints(5, 0)).toBe(10_000);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultTillPermissions, TillKey, TillPermissions } from './permissions';

describe('till permissions', () => {
  it('gives a store manager every key and a cashier a manager for the risky ones', () => {
    const manager = defaultTillPermissions('store_manager');
    const cashier = defaultTillPermissions('cashier');
    expect(TillKey.options.every((key) => manager.keys[key] === 'allowed')).toBe(true);
    expect(cashier.keys.refund).toBe('manager_pin');
    expect(cashier.keys.no_sale).toBe('manager_pin');
    expect(cashier.keys.void_line).toBe('allowed');
    expect(TillPermissions.parse(cashier)).toEqual(cashier);
  });

  it('reads a key a role saved before it existed as needing a manager', () => {
    const { card_replace: _left, ...keys } = defaultTillPermissions('store_manager').keys;
    expect(TillPermissions.parse({ ...defaultTillPermissions('store_manager'), keys }).keys).toEqual({ ...keys, card_replace: 'manager_pin' });
  });

  it('refuses a key policy it does not know or a limit over 100%', () => {
    const { keys } = defaultTillPermissions('cashier');
    expect(TillPermissions.safeParse({ ...defaultTillPermissions('cashier'), keys: { ...keys, refund: 'sometimes' } }).success).toBe(false);
    expect(TillPermissions.safeParse({ ...defaultTillPermissions('cashier'), lineDiscountLimitBp: 10_001 }).success).toBe(false);
  });
});

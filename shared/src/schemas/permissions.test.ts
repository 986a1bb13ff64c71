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

  it('refuses a role that leaves a key out or sets a limit over 100%', () => {
    const { refund: _left, ...keys } = defaultTillPermissions('cashier').keys;
    expect(TillPermissions.safeParse({ ...defaultTillPermissions('cashier'), keys }).success).toBe(false);
    expect(TillPermissions.safeParse({ ...defaultTillPermissions('cashier'), lineDiscountLimitBp: 10_001 }).success).toBe(false);
  });
});

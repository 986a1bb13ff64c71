import { describe, expect, it } from 'vitest';
import { defaultTillPermissions, type Clerk, type PinHash, type TillPermissions } from '@pos/shared';
import { clerkWithPin, createTestDb, ids } from '../../db/test-db.fixture';
import { KeyGate } from './key-gate';

const clock = new Date('2025-03-01T10:00:00.000Z');
const roleId = '0195505c-0000-7000-8000-0000000000f1';
const managerId = '0195505c-0000-7000-8000-0000000000c2';

async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, key, 256));
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  return { algorithm: 'pbkdf2-sha256', iterations: 1000, salt: base64(salt), hash: base64(hash) };
}

/** Cashiers of this role discount up to 10% alone, need a manager for refunds, and may not open the drawer without a sale. */
const cashierRole: TillPermissions = {
  keys: { ...defaultTillPermissions('cashier').keys, line_discount: 'allowed', refund: 'manager_pin', no_sale: 'forbidden' },
  lineDiscountLimitBp: 1000,
  ticketDiscountLimitBp: 0,
};

async function till() {
  const db = createTestDb();
  const pin = await hashPin('2468');
  const cashier: Clerk = { ...clerkWithPin(pin), permissionRoleId: roleId };
  const manager: Clerk = { ...cashier, id: managerId, code: '2001', name: 'Wang Fang', role: 'store_manager', permissionRoleId: null };
  await db.clerks.bulkPut([cashier, manager]);
  await db.tillRoles.put({ id: roleId, code: 'CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions: cashierRole, active: true });
  let n = 0;
  const gate = new KeyGate({ db, now: () => clock, randomBytes: (length) => new Uint8Array(length).fill(++n) }, ids.store, { clerkId: cashier.id, role: 'cashier' });
  return { db, gate };
}

describe('KeyGate', () => {
  it("lets the role's allowed keys through and refuses its forbidden ones without asking anyone", async () => {
    const { gate } = await till();
    expect(await gate.request({ key: 'line_discount', discountBp: 1000 })).toEqual({ ok: true, approval: null });
    expect(await gate.request({ key: 'no_sale' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(gate.asking).toBeNull();
  });

  it("waits for a manager's code and PIN, refuses a wrong PIN, and records who approved", async () => {
    const { gate } = await till();
    const seen: unknown[] = [];
    gate.subscribe(() => seen.push(gate.getSnapshot()));
    const outcome = gate.request({ key: 'line_discount', discountBp: 2500, lineId: ids.cola });
    await expect.poll(() => gate.asking).toEqual({ key: 'line_discount', discountBp: 2500, lineId: ids.cola });
    expect(await gate.approve({ clerkCode: '2001', pin: '1111' })).toEqual({ ok: false, code: 'PIN_INVALID' });
    expect(gate.asking).not.toBeNull();
    expect(await gate.approve({ clerkCode: '2001', pin: '2468' })).toEqual({ ok: true, approverId: managerId });
    expect(await outcome).toEqual({
      ok: true,
      approval: { id: expect.any(String), key: 'line_discount', lineId: ids.cola, requestedBy: ids.clerk, approvedBy: managerId, at: clock.toISOString() },
    });
    expect(gate.asking).toBeNull();
    expect(seen.at(-1)).toBeNull();
  });

  it('refuses a cashier approving for another, and ends the wait when the cashier cancels', async () => {
    const { gate } = await till();
    const outcome = gate.request({ key: 'refund' });
    await expect.poll(() => gate.asking?.key).toBe('refund');
    expect(await gate.approve({ clerkCode: '1001', pin: '2468' })).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
    gate.cancel();
    expect(await outcome).toEqual({ ok: false, reason: 'cancelled' });
  });

  it("falls back to the clerk role's defaults when the till role is retired", async () => {
    const { db, gate } = await till();
    await db.tillRoles.update(roleId, { active: false });
    expect(await gate.verdict({ key: 'no_sale' })).toBe('needs_manager');
    expect(await gate.verdict({ key: 'line_discount', discountBp: 500 })).toBe('needs_manager');
  });

  it('asks a manager for every key, even one the defaults allow, while the till role the clerk names is not pulled yet', async () => {
    const { db, gate } = await till();
    await db.tillRoles.delete(roleId);
    expect(await gate.verdict({ key: 'void_line' })).toBe('needs_manager');
    expect(await gate.verdict({ key: 'reprint' })).toBe('needs_manager');
    expect(await gate.verdict({ key: 'no_sale' })).toBe('needs_manager');
    await db.tillRoles.put({ id: roleId, code: 'CASHIER', nameZh: '收银员', nameEn: 'Cashier', permissions: cashierRole, active: true });
    expect(await gate.verdict({ key: 'no_sale' })).toBe('forbidden');
  });
});

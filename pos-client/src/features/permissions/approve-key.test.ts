import { describe, expect, it } from 'vitest';
import type { Clerk, PinHash } from '@pos/shared';
import { clerkWithPin, createTestDb, ids } from '../../db/test-db.fixture';
import { defaultTillPermissions } from '@pos/shared';
import { approveKey, type ApprovalRequest } from './approve-key';

let clock = new Date('2025-03-01T10:00:00.000Z');
const now = () => clock;
const otherStore = '0195505c-0000-7000-8000-0000000000b2';

async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const hash = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, key, 256));
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  return { algorithm: 'pbkdf2-sha256', iterations: 1000, salt: base64(salt), hash: base64(hash) };
}

/** A till whose pulled clerks are the cashier Li Na (1001) and manager Wang (2001), both with PIN 2468, plus `others`. */
async function tillWithClerks(others: (pin: PinHash) => Clerk[] = () => []) {
  const db = createTestDb();
  const pin = await hashPin('2468');
  const cashier = clerkWithPin(pin);
  const manager: Clerk = { ...cashier, id: '0195505c-0000-7000-8000-0000000000c2', code: '2001', name: 'Wang Fang', role: 'store_manager' };
  await db.clerks.bulkPut([cashier, manager, ...others(pin)]);
  return { deps: { db, now }, db, manager };
}

const discount: ApprovalRequest = { key: 'line_discount', discountBp: 1500, requestedBy: ids.clerk };
const approveDiscount = (deps: Parameters<typeof approveKey>[0], storeId: string, input: { clerkCode: string; pin: string }) => approveKey(deps, storeId, discount, input);

describe('approveKey', () => {
  it("approves with a store manager's code and PIN, offline", async () => {
    const { deps, manager } = await tillWithClerks();
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '2468' })).toEqual({ ok: true, approverId: manager.id });
  });

  it('refuses a wrong PIN and an unknown code alike', async () => {
    const { deps } = await tillWithClerks();
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '1111' })).toEqual({ ok: false, code: 'PIN_INVALID' });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '9999', pin: '2468' })).toEqual({ ok: false, code: 'PIN_INVALID' });
  });

  it('refuses a clerk not allowed the key alone, once the PIN is right', async () => {
    const { deps } = await tillWithClerks();
    expect(await approveDiscount(deps, ids.store, { clerkCode: '1001', pin: '2468' })).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '1001', pin: '1111' })).toEqual({ ok: false, code: 'PIN_INVALID' });
  });

  it("refuses another store's manager and a manager no longer active", async () => {
    const { deps } = await tillWithClerks((pin) => [
      { id: '0195505c-0000-7000-8000-0000000000c3', storeId: otherStore, code: '3001', name: 'Zhao Lei', role: 'store_manager', active: true, pin },
      { id: '0195505c-0000-7000-8000-0000000000c4', storeId: ids.store, code: '4001', name: 'Sun Li', role: 'store_manager', active: false, pin },
    ]);
    expect(await approveDiscount(deps, ids.store, { clerkCode: '3001', pin: '2468' })).toEqual({ ok: false, code: 'PIN_INVALID' });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '4001', pin: '2468' })).toEqual({ ok: false, code: 'PIN_INVALID' });
  });

  it('accepts a manager HQ gave every store, as sign-in does', async () => {
    const chainWide: Clerk = { id: '0195505c-0000-7000-8000-0000000000c5', storeId: null, code: '5001', name: 'Qian Yu', role: 'store_manager', active: true, pin: await hashPin('1357') };
    const { deps } = await tillWithClerks(() => [chainWide]);
    expect(await approveDiscount(deps, ids.store, { clerkCode: '5001', pin: '1357' })).toEqual({ ok: true, approverId: chainWide.id });
  });

  it('refuses a code or PIN that cannot be one without counting it', async () => {
    const { deps, db } = await tillWithClerks();
    expect(await approveDiscount(deps, ids.store, { clerkCode: '20', pin: '2468' })).toEqual({ ok: false, code: 'SIGN_IN_INPUT_INVALID' });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '24' })).toEqual({ ok: false, code: 'SIGN_IN_INPUT_INVALID' });
    expect(await db.pinAttempts.count()).toBe(0);
  });

  it('locks the manager out for five minutes after five wrong PINs, the same count sign-in keeps', async () => {
    const { deps, db, manager } = await tillWithClerks();
    for (let i = 0; i < 4; i++) expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '0000' })).toMatchObject({ code: 'PIN_INVALID' });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '0000' })).toEqual({ ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: 300 });
    expect(await db.pinAttempts.get('2001')).toMatchObject({ failures: 5 });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '2468' })).toMatchObject({ code: 'CLERK_LOCKED' });
    clock = new Date(clock.getTime() + 5 * 60_000);
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '2468' })).toEqual({ ok: true, approverId: manager.id });
    expect(await db.pinAttempts.get('2001')).toBeUndefined();
  });

  it('honours a lock sign-in set on this till', async () => {
    const { deps, db } = await tillWithClerks();
    await db.pinAttempts.put({ clerkCode: '2001', failures: 5, lockedUntil: new Date(clock.getTime() + 60_000).toISOString() });
    expect(await approveDiscount(deps, ids.store, { clerkCode: '2001', pin: '2468' })).toEqual({ ok: false, code: 'CLERK_LOCKED', retryAfterSeconds: 60 });
  });

  it("follows the approver's till role: a senior cashier may approve what their role allows alone, no more", async () => {
    const roleId = '0195505c-0000-7000-8000-0000000000f1';
    const { deps, db } = await tillWithClerks((pin) => [
      { id: '0195505c-0000-7000-8000-0000000000c6', storeId: ids.store, code: '6001', name: 'Zhou Min', role: 'cashier', active: true, pin, permissionRoleId: roleId },
    ]);
    const keys = { ...defaultTillPermissions('cashier').keys, line_discount: 'allowed' as const };
    await db.tillRoles.put({ id: roleId, code: 'SENIOR', nameZh: '资深收银员', nameEn: 'Senior cashier', active: true, permissions: { keys, lineDiscountLimitBp: 2000, ticketDiscountLimitBp: 0 } });
    const input = { clerkCode: '6001', pin: '2468' };
    expect(await approveKey(deps, ids.store, discount, input)).toEqual({ ok: true, approverId: '0195505c-0000-7000-8000-0000000000c6' });
    expect(await approveKey(deps, ids.store, { ...discount, discountBp: 2500 }, input)).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
    expect(await approveKey(deps, ids.store, { key: 'no_sale', requestedBy: ids.clerk }, input)).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
    await db.tillRoles.put({ ...(await db.tillRoles.get(roleId))!, active: false });
    expect(await approveKey(deps, ids.store, discount, input)).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
  });

  it('refuses a manager approving their own request', async () => {
    const { deps, manager } = await tillWithClerks();
    expect(await approveKey(deps, ids.store, { key: 'no_sale', requestedBy: manager.id }, { clerkCode: '2001', pin: '2468' })).toEqual({ ok: false, code: 'APPROVER_NOT_ALLOWED' });
  });
});

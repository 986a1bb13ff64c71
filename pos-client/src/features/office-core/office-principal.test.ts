import { defaultOfficePermissions, type OfficeSession } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { principalRefreshMs, withPrincipal } from './office-principal';

const session: OfficeSession = {
  token: 'ofc.secret',
  expiresAt: '2026-11-22T16:00:00.000Z',
  user: { id: '0195505c-0000-7000-8000-0000000000a1', name: '李明', email: 'li@demo.pos', role: 'hq_admin' },
  permissions: defaultOfficePermissions('hq_admin'),
};
const { token: _token, ...state } = session;

describe('the office principal read again from HQ', () => {
  it('keeps the very same session when HQ answers what the office already has, so nothing renders again', () => {
    expect(withPrincipal(session, structuredClone(state))).toBe(session);
  });

  it('takes a changed role’s permissions and the user’s new level, keeping the token', () => {
    const narrowed = { ...state.permissions, modules: { ...state.permissions.modules, people: 'none' as const } };
    const next = withPrincipal(session, { ...state, permissions: narrowed, user: { ...state.user, role: 'franchisee' } });
    expect(next).not.toBe(session);
    expect(next.token).toBe('ofc.secret');
    expect(next.permissions.modules.people).toBe('none');
    expect(next.user.role).toBe('franchisee');
    expect(session.permissions.modules.people).toBe('edit');
  });

  it('is read again within a few minutes even without focus or refusal', () => {
    expect(principalRefreshMs).toBeGreaterThanOrEqual(60_000);
    expect(principalRefreshMs).toBeLessThanOrEqual(5 * 60_000);
  });
});

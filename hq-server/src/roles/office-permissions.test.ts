import { defaultOfficePermissions, OfficePermissions, permissionsWithin, accessAllows, type OfficePermissions as Permissions } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { resolveOfficePermissions } from './office-permissions';

const viewer: Permissions = {
  modules: { ...defaultOfficePermissions('cashier').modules, reports: 'view', catalog: 'view' },
  categories: ['0195505c-0000-7000-8000-0000000000c1'],
  seeCost: false,
  reports: { ...defaultOfficePermissions('cashier').reports, store_day: { print: true, export: false, perDay: 5 } },
};

describe('office permissions', () => {
  it('gives a user without a role their level’s defaults: HQ everything, franchisees what they had before roles plus their stores, audit trail and clerk import, no cost outside HQ', () => {
    const hq = resolveOfficePermissions('hq_admin', null);
    expect(Object.values(hq.modules).every((a) => a === 'edit')).toBe(true);
    expect(hq.seeCost).toBe(true);
    const franchisee = resolveOfficePermissions('franchisee', null);
    expect(franchisee.modules).toMatchObject({ reports: 'view', devices: 'edit', people: 'edit', prices: 'view', settings: 'view', organisation: 'view', audit: 'view', imports: 'edit', roles: 'none', suppliers: 'none' });
    expect(franchisee.seeCost).toBe(false);
    expect(resolveOfficePermissions('region_manager', null).modules.people).toBe('view');
  });

  it('uses an active office role over the level, and falls back to the level for a till, inactive or unreadable role', () => {
    expect(resolveOfficePermissions('hq_admin', { kind: 'office', active: true, permissions: viewer })).toEqual(viewer);
    expect(resolveOfficePermissions('store_manager', { kind: 'till', active: true, permissions: viewer })).toEqual(defaultOfficePermissions('store_manager'));
    expect(resolveOfficePermissions('store_manager', { kind: 'office', active: false, permissions: viewer })).toEqual(defaultOfficePermissions('store_manager'));
    expect(resolveOfficePermissions('franchisee', { kind: 'office', active: true, permissions: { modules: 'all' } })).toEqual(defaultOfficePermissions('franchisee'));
  });

  it('reads a role saved before a module existed as having no access to it', () => {
    const { suppliers: _, ...older } = viewer.modules;
    const parsed = OfficePermissions.parse({ ...viewer, modules: older });
    expect(parsed.modules.suppliers).toBe('none');
  });

  it('ranks access: edit includes view, none allows nothing', () => {
    expect(accessAllows('edit', 'view')).toBe(true);
    expect(accessAllows('view', 'edit')).toBe(false);
    expect(accessAllows('none', 'view')).toBe(false);
  });

  it('lets a manager hand out only a role within their own permissions', () => {
    const franchisee = defaultOfficePermissions('franchisee');
    expect(permissionsWithin(viewer, franchisee)).toBe(true);
    expect(permissionsWithin(defaultOfficePermissions('hq_admin'), franchisee)).toBe(false);
    expect(permissionsWithin({ ...viewer, seeCost: true }, franchisee)).toBe(false);
    expect(permissionsWithin({ ...viewer, categories: 'all' }, viewer)).toBe(false);
    expect(permissionsWithin({ ...viewer, reports: { ...viewer.reports, store_day: { print: true, export: false, perDay: 6 } } }, viewer)).toBe(false);
    expect(permissionsWithin({ ...viewer, reports: { ...viewer.reports, store_day: { print: true, export: false, perDay: null } } }, viewer)).toBe(false);
    expect(permissionsWithin({ ...viewer, reports: { ...viewer.reports, store_day: { print: false, export: true, perDay: 1 } } }, viewer)).toBe(false);
  });
});

import { defaultOfficePermissions } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { isOfficeHash, officeHash, parseOfficeRoute, resolveSection, sectionsFor, type RoutableSection } from './office-route';

const sections: RoutableSection[] = [
  { key: 'reports', roles: ['hq_admin', 'franchisee', 'store_manager'] },
  { key: 'prices', roles: ['hq_admin'] },
  { key: 'devices', roles: ['hq_admin', 'franchisee', 'store_manager'] },
];

describe('office routes', () => {
  it('tells the office hash from the till', () => {
    expect(isOfficeHash('#/office')).toBe(true);
    expect(isOfficeHash('#/office/reports')).toBe(true);
    expect(isOfficeHash('')).toBe(false);
    expect(isOfficeHash('#/officer')).toBe(false);
  });

  it('reads the section and what follows it', () => {
    expect(parseOfficeRoute('#/office/promotions/new')).toEqual({ section: 'promotions', rest: ['new'] });
    expect(parseOfficeRoute('#/office/settings/x?y=1')).toEqual({ section: 'settings', rest: ['x'] });
    expect(parseOfficeRoute('#/office')).toEqual({ section: null, rest: [] });
    expect(officeHash('promotions', 'new')).toBe('#/office/promotions/new');
  });

  it('gives each role the sections that name it, in the registry order', () => {
    expect(sectionsFor(sections, 'hq_admin').map((s) => s.key)).toEqual(['reports', 'prices', 'devices']);
    expect(sectionsFor(sections, 'franchisee').map((s) => s.key)).toEqual(['reports', 'devices']);
    expect(sectionsFor(sections, 'cashier')).toEqual([]);
  });

  it('sends a franchisee who opens an HQ page, or an unknown one, to their first section', () => {
    expect(resolveSection(sections, parseOfficeRoute('#/office/prices/x'), 'franchisee')).toEqual({ section: sections[0], rest: [] });
    expect(resolveSection(sections, parseOfficeRoute('#/office/prices/x'), 'hq_admin')).toEqual({ section: sections[1], rest: ['x'] });
    expect(resolveSection(sections, parseOfficeRoute('#/office/nowhere'), 'hq_admin')?.section.key).toBe('reports');
    expect(resolveSection(sections, parseOfficeRoute('#/office/devices'), 'cashier')).toBeNull();
  });

  it('leaves out the sections of modules the user’s office role gives no access to', () => {
    const withModules: RoutableSection[] = [{ ...sections[0]!, module: 'reports' }, { ...sections[1]!, module: 'prices' }, sections[2]!];
    const finance = defaultOfficePermissions('hq_admin').modules;
    expect(sectionsFor(withModules, 'hq_admin', { ...finance, prices: 'none' }).map((s) => s.key)).toEqual(['reports', 'devices']);
    expect(sectionsFor(withModules, 'hq_admin', { ...finance, prices: 'view' }).map((s) => s.key)).toEqual(['reports', 'prices', 'devices']);
    expect(resolveSection(withModules, parseOfficeRoute('#/office/prices'), 'hq_admin', { ...finance, prices: 'none' })?.section.key).toBe('reports');
  });
});

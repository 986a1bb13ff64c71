import { describe, expect, it } from 'vitest';
import { isOfficeHash, officeHash, parseOfficeRoute, resolveSection, sectionsFor } from './office-route';

describe('office routes', () => {
  it('tells the office hash from the till', () => {
    expect(isOfficeHash('#/office')).toBe(true);
    expect(isOfficeHash('#/office/reports')).toBe(true);
    expect(isOfficeHash('')).toBe(false);
    expect(isOfficeHash('#/officer')).toBe(false);
  });

  it('reads the section and what follows it', () => {
    expect(parseOfficeRoute('#/office/promotions/new')).toEqual({ section: 'promotions', rest: ['new'] });
    expect(parseOfficeRoute('#/office/settings/assortments')).toEqual({ section: 'settings', rest: ['assortments'] });
    expect(parseOfficeRoute('#/office')).toEqual({ section: null, rest: [] });
    expect(parseOfficeRoute('#/office/nowhere/x')).toEqual({ section: null, rest: [] });
    expect(officeHash('promotions', 'new')).toBe('#/office/promotions/new');
  });

  it('gives HQ every section and a franchisee or store manager only reports and tills', () => {
    expect(sectionsFor('hq_admin')).toEqual(['reports', 'prices', 'promotions', 'devices', 'settings']);
    expect(sectionsFor('franchisee')).toEqual(['reports', 'devices']);
    expect(sectionsFor('store_manager')).toEqual(['reports', 'devices']);
    expect(sectionsFor('cashier')).toEqual([]);
  });

  it('sends a franchisee who opens an HQ page (prices, settings) to their reports instead', () => {
    expect(resolveSection(parseOfficeRoute('#/office/prices'), 'franchisee')).toBe('reports');
    expect(resolveSection(parseOfficeRoute('#/office/prices'), 'hq_admin')).toBe('prices');
    expect(resolveSection(parseOfficeRoute('#/office/devices'), 'cashier')).toBeNull();
    expect(resolveSection(parseOfficeRoute('#/office/settings/assortments'), 'franchisee')).toBe('reports');
  });
});

import type { UserRole } from '@pos/shared';

export const officeSections = ['reports', 'prices', 'promotions', 'devices', 'settings'] as const;
export type OfficeSection = (typeof officeSections)[number];

export interface OfficeRoute {
  section: OfficeSection | null;
  /** What follows the section, e.g. `new` in `#/office/promotions/new`. */
  rest: string[];
}

const officePrefix = '#/office';

/** Whether the page was opened at the back office (`/#/office…`) rather than the till (`/`). */
export function isOfficeHash(hash: string): boolean {
  return hash === officePrefix || hash.startsWith(`${officePrefix}/`) || hash.startsWith(`${officePrefix}?`);
}

export function parseOfficeRoute(hash: string): OfficeRoute {
  const [section = '', ...rest] = hash.slice(officePrefix.length).split('?')[0]!.split('/').filter(Boolean);
  const known = officeSections.find((s) => s === section) ?? null;
  return { section: known, rest: known ? rest : [] };
}

export function officeHash(section: OfficeSection, ...rest: string[]): string {
  return [officePrefix, section, ...rest].join('/');
}

/**
 * What each role may open: HQ everything; a franchisee or store manager their stores' reports
 * and tills. Settings, like prices and promotions, are HQ's to change, so only HQ sees them.
 */
export function sectionsFor(role: UserRole): OfficeSection[] {
  switch (role) {
    case 'hq_admin':
      return ['reports', 'prices', 'promotions', 'devices', 'settings'];
    case 'region_manager':
    case 'franchisee':
    case 'store_manager':
      return ['reports', 'devices'];
    case 'cashier':
      return [];
  }
}

/** The section to show: the one asked for when the role may open it, else the role's first. */
export function resolveSection(route: OfficeRoute, role: UserRole): OfficeSection | null {
  const allowed = sectionsFor(role);
  return route.section && allowed.includes(route.section) ? route.section : (allowed[0] ?? null);
}

import type { ModuleAccess, OfficeModule, UserRole } from '@pos/shared';

export interface OfficeRoute {
  /** The first segment after `#/office/`, e.g. `promotions`; null at `#/office` itself. */
  section: string | null;
  /** What follows the section, e.g. `new` in `#/office/promotions/new`. */
  rest: string[];
}

/** What the router needs to know of a section: the office's registry (`office/office-sections.tsx`) holds the rest. */
export interface RoutableSection {
  key: string;
  roles: readonly UserRole[];
  /** The office module whose permission opens it; absent: the role alone decides. */
  module?: OfficeModule;
}

/** The user's access to each module, from their session; absent: the role alone decides. */
export type ModuleAccessMap = Readonly<Record<OfficeModule, ModuleAccess>>;

const officePrefix = '#/office';

/** Whether the page was opened at the back office (`/#/office…`) rather than the till (`/`). */
export function isOfficeHash(hash: string): boolean {
  return hash === officePrefix || hash.startsWith(`${officePrefix}/`) || hash.startsWith(`${officePrefix}?`);
}

export function parseOfficeRoute(hash: string): OfficeRoute {
  const [section, ...rest] = hash.slice(officePrefix.length).split('?')[0]!.split('/').filter(Boolean);
  return section ? { section: decodeURIComponent(section), rest: rest.map(decodeURIComponent) } : { section: null, rest: [] };
}

export function officeHash(section: string, ...rest: string[]): string {
  return [officePrefix, section, ...rest].join('/');
}

/** The sections a role may open, in the registry's order; a section of a module the user has no access to is left out. */
export function sectionsFor<S extends RoutableSection>(sections: readonly S[], role: UserRole, modules?: ModuleAccessMap): S[] {
  return sections.filter((s) => s.roles.includes(role) && (!s.module || !modules || modules[s.module] !== 'none'));
}

/**
 * The section to show: the one asked for when the role may open it, else the role's first.
 * `rest` is kept only for the section asked for.
 */
export function resolveSection<S extends RoutableSection>(sections: readonly S[], route: OfficeRoute, role: UserRole, modules?: ModuleAccessMap): { section: S; rest: string[] } | null {
  const allowed = sectionsFor(sections, role, modules);
  const asked = allowed.find((s) => s.key === route.section);
  if (asked) return { section: asked, rest: route.rest };
  const first = allowed[0];
  return first ? { section: first, rest: [] } : null;
}

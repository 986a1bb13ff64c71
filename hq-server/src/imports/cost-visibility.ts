import { importColumns, type ImportColumn, type ImportKind } from '@pos/shared';
import type { OfficePrincipal } from '../http/app-env';

/** Whether the caller may see cost prices (进价). HQ for now; the permission roles' cost visibility will decide it here. */
export const maySeeCost = (principal: OfficePrincipal): boolean => principal.role === 'hq_admin';

/** A kind's columns as this caller may read and write them: cost columns only for who may see cost. */
export const columnsFor = (kind: ImportKind, principal: OfficePrincipal): readonly ImportColumn[] =>
  importColumns[kind].filter((c) => !c.cost || maySeeCost(principal));

import { importColumns, type ImportColumn, type ImportKind } from '@pos/shared';
import type { Db } from '../db/client';
import type { OfficePrincipal } from '../http/app-env';
import { canSeeCost } from '../roles/visibility';

/** A kind's columns as this caller may read and write them: cost columns only for who may see cost (价格权限). */
export async function columnsFor(db: Db, kind: ImportKind, principal: OfficePrincipal): Promise<readonly ImportColumn[]> {
  const seeCost = await canSeeCost(db, principal);
  return importColumns[kind].filter((c) => !c.cost || seeCost);
}

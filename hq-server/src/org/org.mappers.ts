import type { Store } from '@pos/shared';
import type { stores } from './org.tables';

export function toStore(row: typeof stores.$inferSelect): Store {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    operation: row.operation,
    connectivity: row.connectivity,
    franchiseeId: row.franchiseeId,
    timeZone: row.timeZone,
    currency: row.currency,
    active: row.active,
  };
}

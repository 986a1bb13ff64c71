import type { Clerk, Store } from '@pos/shared';
import type { clerks, stores } from './org.tables';

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

export function toClerk(row: typeof clerks.$inferSelect): Clerk {
  return {
    id: row.id,
    storeId: row.storeId,
    code: row.code,
    name: row.name,
    role: row.role,
    active: row.active,
    pin: { algorithm: 'pbkdf2-sha256', iterations: row.pinIterations, salt: row.pinSalt, hash: row.pinHash },
  };
}

import type { SupplierOption } from '@pos/shared';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { suppliers } from '../suppliers/suppliers.tables';

/** The chain's suppliers as a product's main-supplier select offers them: id, code, name, by code. */
export function supplierOptions(db: Db, chainId: string): Promise<SupplierOption[]> {
  return db.select({ id: suppliers.id, code: suppliers.code, name: suppliers.name, active: suppliers.active })
    .from(suppliers).where(eq(suppliers.chainId, chainId)).orderBy(asc(suppliers.code)).limit(1000);
}

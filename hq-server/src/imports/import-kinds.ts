import type { ImportKind } from '@pos/shared';
import { barcodesImport } from './kinds/barcodes.import';
import { clerksImport } from './kinds/clerks.import';
import type { ImportKindDef } from './kinds/kind';
import { membersImport } from './kinds/members.import';
import { pricesImport } from './kinds/prices.import';
import { productsImport } from './kinds/products.import';
import { suppliersImport } from './kinds/suppliers.import';

/** Every kind's import, by kind. */
export const importKinds: Record<ImportKind, ImportKindDef<never>> = {
  products: productsImport,
  barcodes: barcodesImport,
  prices: pricesImport,
  suppliers: suppliersImport,
  clerks: clerksImport,
  members: membersImport,
} as Record<ImportKind, ImportKindDef<never>>;

import type { Category } from '@pos/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { categories } from './catalog.tables';

const columns = { id: categories.id, parentId: categories.parentId, code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn };

/** The chain's category tree, flat and by code; each row names its parent, so the office can build the tree. */
export async function listCategories(db: Db, chainId: string): Promise<Category[]> {
  return db.select(columns).from(categories).where(eq(categories.chainId, chainId)).orderBy(categories.code);
}

import { sql, type SQL } from 'drizzle-orm';
import { categories } from './catalog.tables';

/** A category's id and the ids of every category under it, as a sub-select. */
export const categoryAndBelow = (chainId: string, categoryId: string): SQL => sql`(
  with recursive below(id) as (
    select ${categories.id} from ${categories} where ${categories.chainId} = ${chainId} and ${categories.id} = ${categoryId}
    union select c.id from ${categories} c join below on c.parent_id = below.id where c.chain_id = ${chainId}
  ) select id from below)`;

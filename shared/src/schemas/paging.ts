import { z } from 'zod';
import { SearchText } from './common';

/**
 * The query of a list the office pages (see docs/ARCHITECTURE.md, "Back office"): `limit`, `offset`,
 * `sort` among the keys the route allows, `order`, and free text `q`; a route adds its own filters.
 */
export const pageQuery = <const K extends readonly [string, ...string[]]>(sortKeys: K) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    sort: z.enum(sortKeys).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
    q: SearchText(60).optional(),
  });

/** A filter of a list by a flag: `true` or `false` in the query string. */
export const QueryFlag = z.enum(['true', 'false']).transform((text) => text === 'true');

/** One page of a list and how many rows match in all. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().nonnegative() });

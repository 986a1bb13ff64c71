import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';

/** Text for a `like` pattern that matches itself only: `%`, `_` and `\` lose their meaning. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for a search that matches any part. */
export const containing = (text: string): string => `%${escapeLike(text)}%`;

/**
 * The `order by` of a paged list: the column the caller's `sort` names (or the default) in the
 * caller's order, then the tie-breaker, so pages never overlap.
 */
export function orderOf<K extends string>(columns: Record<K, AnyColumn | SQL>, sort: K | undefined, fallback: K, order: 'asc' | 'desc', tieBreaker: AnyColumn): SQL[] {
  const by = order === 'desc' ? desc : asc;
  return [by(columns[sort ?? fallback]), asc(tieBreaker)];
}

import { z } from 'zod';

/**
 * The office's paging contract: a list route takes `limit`, `offset`, `sort`, `order` (`asc|desc`),
 * `q` and its own filters as query parameters, and answers `{ items, total }` (`total` counts every
 * match, not just the page). See docs/ARCHITECTURE.md, "Back office".
 */
export interface ServerTableParams {
  limit: number;
  offset: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  /** Column filters and filters from controls above the table; several values are sent comma-separated. */
  filters: Record<string, string | readonly string[] | undefined>;
}

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().nonnegative() });
export interface Paged<T> {
  items: T[];
  total: number;
}

/** The query string of the contract; empty values are left out. */
export function encodeTableParams(params: ServerTableParams): URLSearchParams {
  const query = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
  if (params.sort) {
    query.set('sort', params.sort);
    query.set('order', params.order ?? 'asc');
  }
  const q = params.q?.trim();
  if (q) query.set('q', q);
  for (const [name, value] of Object.entries(params.filters)) {
    const text = typeof value === 'string' ? value : value?.join(',');
    if (text) query.set(name, text);
  }
  return query;
}

/** What an antd Table reports on a change, reduced to what the contract needs. */
export interface TableChange {
  current?: number;
  pageSize?: number;
  filters: Record<string, readonly (string | number | boolean | bigint)[] | null>;
  sorter: { field?: unknown; columnKey?: unknown; order?: 'ascend' | 'descend' | null } | readonly { field?: unknown; columnKey?: unknown; order?: 'ascend' | 'descend' | null }[];
}

export interface TableState {
  page: number;
  pageSize: number;
  sort?: { field: string; order: 'asc' | 'desc' };
  columnFilters: Record<string, string[]>;
}

/** The table's next state after a change; a new sort or filter goes back to the first page. */
export function nextTableState(state: TableState, change: TableChange): TableState {
  const sorter = Array.isArray(change.sorter) ? change.sorter[0] : change.sorter;
  const name = sorter?.columnKey ?? sorter?.field;
  const sort = sorter?.order && typeof name === 'string' ? { field: name, order: sorter.order === 'ascend' ? ('asc' as const) : ('desc' as const) } : undefined;
  const columnFilters = Object.fromEntries(
    Object.entries(change.filters).flatMap(([key, values]) => (values && values.length > 0 ? [[key, values.map(String)]] : [])),
  );
  const pageSize = change.pageSize ?? state.pageSize;
  const sameView = JSON.stringify([sort, columnFilters, pageSize]) === JSON.stringify([state.sort, state.columnFilters, state.pageSize]);
  return { page: sameView ? (change.current ?? state.page) : 1, pageSize, sort, columnFilters };
}

export function tableParams(state: TableState, q: string, filters: ServerTableParams['filters']): ServerTableParams {
  return {
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    sort: state.sort?.field,
    order: state.sort?.order,
    q: q.trim() || undefined,
    filters: { ...filters, ...state.columnFilters },
  };
}

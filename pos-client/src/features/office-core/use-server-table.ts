import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { unwrap } from './hq-query';
import { useOfficeContext } from './office-context';
import { useDebounced } from './use-debounced';
import { encodeTableParams, nextTableState, tableParams, type Paged, type ServerTableParams, type TableChange, type TableState } from './server-table-params';

export interface ServerTableOptions<T> {
  /** The query key's start, e.g. `['members']`; a mutation invalidates it to refresh every page. */
  queryKey: readonly unknown[];
  /** The list route, e.g. `/members`. */
  path: string;
  schema: z.ZodType<Paged<T>>;
  pageSize?: number;
  /** Filters from controls outside the table, e.g. `{ storeId }`. */
  filters?: ServerTableParams['filters'];
  enabled?: boolean;
}

/**
 * A table paged, sorted and filtered by HQ: spread `tableProps` on an antd `Table` (give sortable
 * columns a `key` naming the sort and `sorter: true`), and bind `search`/`setSearch` to a search
 * box (typing waits 250 ms before asking HQ). The previous page stays on screen while the next loads.
 */
export function useServerTable<T>({ queryKey, path, schema, pageSize = 20, filters = {}, enabled = true }: ServerTableOptions<T>) {
  const { http } = useOfficeContext();
  const [state, setState] = useState<TableState>({ page: 1, pageSize, columnFilters: {} });
  const [search, setSearchText] = useState('');
  const q = useDebounced(search, 250);

  const params = tableParams(state, q, filters);
  const query = useQuery({
    queryKey: [...queryKey, params],
    queryFn: () => unwrap(http({ method: 'GET', path: `${path}?${encodeTableParams(params)}`, schema })),
    placeholderData: keepPreviousData,
    enabled,
  });

  return {
    query,
    params,
    search,
    setSearch: (text: string) => {
      setSearchText(text);
      setState((s) => ({ ...s, page: 1 }));
    },
    tableProps: {
      dataSource: query.data?.items ?? [],
      loading: query.isFetching,
      pagination: { current: state.page, pageSize: state.pageSize, total: query.data?.total ?? 0, showSizeChanger: false },
      onChange: (pagination: { current?: number; pageSize?: number }, columnFilters: TableChange['filters'], sorter: TableChange['sorter']) =>
        setState((s) => nextTableState(s, { current: pagination.current, pageSize: pagination.pageSize, filters: columnFilters, sorter })),
    },
  };
}

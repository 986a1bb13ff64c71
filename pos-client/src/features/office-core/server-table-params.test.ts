import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeTableParams, nextTableState, pageOf, tableParams, type TableState } from './server-table-params';

const start: TableState = { page: 1, pageSize: 20, columnFilters: {} };

describe('server table parameters', () => {
  it('sends limit, offset, sort, order, q and filters, leaving empty ones out', () => {
    const params = tableParams({ page: 3, pageSize: 20, sort: { field: 'name', order: 'desc' }, columnFilters: { status: ['active', 'paused'] } }, ' cola ', { storeId: 'S1', kind: undefined });
    expect(encodeTableParams(params).toString()).toBe('limit=20&offset=40&sort=name&order=desc&q=cola&storeId=S1&status=active%2Cpaused');
    expect(encodeTableParams(tableParams(start, '  ', {})).toString()).toBe('limit=20&offset=0');
  });

  it('keeps the sort and filters while paging, and goes back to page 1 when they change', () => {
    const sorted = nextTableState(start, { current: 1, pageSize: 20, filters: {}, sorter: { columnKey: 'sku', order: 'ascend' } });
    expect(sorted).toEqual({ page: 1, pageSize: 20, sort: { field: 'sku', order: 'asc' }, columnFilters: {} });
    const paged = nextTableState(sorted, { current: 4, pageSize: 20, filters: { status: null }, sorter: { columnKey: 'sku', order: 'ascend' } });
    expect(paged.page).toBe(4);
    const filtered = nextTableState(paged, { current: 4, pageSize: 20, filters: { status: ['active'] }, sorter: { columnKey: 'sku', order: 'ascend' } });
    expect(filtered).toEqual({ page: 1, pageSize: 20, sort: { field: 'sku', order: 'asc' }, columnFilters: { status: ['active'] } });
    expect(nextTableState(filtered, { current: 1, pageSize: 20, filters: {}, sorter: { field: 'sku', order: null } }).sort).toBeUndefined();
  });
});

describe('the paging answer', () => {
  it('reads items and a total, and refuses a page without its total', () => {
    const page = pageOf(z.object({ id: z.string() }));
    expect(page.parse({ items: [{ id: 'a' }], total: 41 })).toEqual({ items: [{ id: 'a' }], total: 41 });
    expect(page.safeParse({ items: [] }).success).toBe(false);
  });
});

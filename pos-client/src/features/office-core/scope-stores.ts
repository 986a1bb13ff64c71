import { StoreDayReport, type StoreDayRow } from '@pos/shared';
import type { HqResult } from '../../hq/hq-failure';
import { addDays, localDate } from './local-date';
import type { OfficeHttp } from './office-http';

export interface ScopeStore {
  id: string;
  code: string;
  name: string;
}

/** The stores that appear in report rows, by code. */
export function distinctStores(rows: readonly StoreDayRow[]): ScopeStore[] {
  const byId = new Map<string, ScopeStore>();
  for (const row of rows) byId.set(row.storeId, { id: row.storeId, code: row.storeCode, name: row.storeName });
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const lookBackDays = 90;

/**
 * The stores the caller may work with. HQ has no store list endpoint yet, and the store-day
 * report already answers with exactly the caller's scope, so the stores with sales in the
 * last 90 days are taken from it.
 */
export async function fetchScopeStores(http: OfficeHttp, today: Date): Promise<HqResult<ScopeStore[]>> {
  const to = localDate(today);
  const from = addDays(to, -lookBackDays);
  const result = await http({ method: 'GET', path: `/reports/store-day?from=${from}&to=${to}`, schema: StoreDayReport });
  return result.ok ? { ok: true, value: distinctStores(result.value.rows) } : result;
}

import { StoreDayPrint, type StoreDayQuery } from '@pos/shared';
import { z } from 'zod';
import { HqError, unwrap } from '../office-core/hq-query';
import type { OfficeHttp } from '../office-core/office-http';

/**
 * The store-day report as CSV, made and counted by HQ against the role's daily prints and exports
 * (报表打印权限), handed to the browser as a file.
 */
export async function exportStoreDay(http: OfficeHttp, query: StoreDayQuery): Promise<void> {
  const blob = await unwrap(http({ method: 'POST', path: '/reports/store-day/export', body: query, schema: z.instanceof(Blob), as: 'blob' }));
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `store-day_${query.from}_${query.to}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The store-day report to print, once HQ has counted the print; then the office prints it. */
export const printStoreDay = (http: OfficeHttp, query: StoreDayQuery): Promise<StoreDayPrint> =>
  unwrap(http({ method: 'POST', path: '/reports/store-day/print', body: query, schema: StoreDayPrint }));

/** Why HQ refused a print or export, in terms the screen words: the day's limit (with its count), or a role that allows none. */
export type OutputRefusal = { kind: 'limit'; perDay: number } | { kind: 'forbidden' };

export function outputRefusal(error: unknown): OutputRefusal | null {
  if (!(error instanceof HqError)) return null;
  if (error.code === 'OUTPUT_LIMIT_REACHED') {
    const details = z.object({ perDay: z.number().int() }).safeParse(error.failure.kind === 'http' ? error.failure.details : undefined);
    return { kind: 'limit', perDay: details.success ? details.data.perDay : 0 };
  }
  return error.code === 'MODULE_FORBIDDEN' ? { kind: 'forbidden' } : null;
}

import { z } from '@hono/zod-openapi';
import { ErrorBody, XLSX_CONTENT_TYPE, type ReportKey } from '@pos/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { commonErrors, jsonResponse } from '../http/openapi-helpers';
import { recordReportOutput } from '../roles/report-outputs';

/** What a report's export answers: the file as .xlsx or CSV, or why not. */
export const reportFileResponses = {
  200: {
    description: 'The file; `x-exports-remaining` says how many more today (absent: no limit)',
    content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string() } },
  },
  ...commonErrors,
  429: jsonResponse(ErrorBody, 'The role’s exports for today are used up'),
};

/**
 * Sends a report already read as a file, once the export is counted on the primary against the
 * caller's role (报表打印权限): read first, so a bad question costs no export; a refused one
 * throws, so no file goes out.
 */
export async function sendReportFile(
  c: Context<AppEnv>, report: ReportKey, format: 'xlsx' | 'csv', name: string, file: { csv: () => string; xlsx: () => Promise<Uint8Array<ArrayBuffer>> },
): Promise<Response> {
  const { db, clock } = c.var.deps;
  const { remaining } = await db.transaction((tx) => recordReportOutput(tx, c.var.principal, clock, report, format));
  if (remaining !== null) c.header('x-exports-remaining', String(remaining));
  if (format === 'csv') return c.body(file.csv(), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
  return c.body(await file.xlsx(), 200, { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` });
}

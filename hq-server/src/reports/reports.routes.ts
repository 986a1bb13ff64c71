import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, StoreDayQuery, StoreDayReport } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { recordReportOutput } from '../roles/report-outputs';
import { storeDayCsv } from './store-day-export';
import { storeDayReport } from './store-day.service';

const storeDay = createRoute({
  method: 'get', path: '/reports/store-day', tags: ['reports'], security: bearer,
  summary: 'Sales, tickets, items and average basket per store per business day, for the stores in the caller’s scope',
  middleware: [authenticate('office', 'device'), requireModule('reports', 'view')] as const,
  request: { query: StoreDayQuery },
  responses: { 200: jsonResponse(StoreDayReport, 'The report'), ...commonErrors },
});

const storeDayExport = createRoute({
  method: 'post', path: '/reports/store-day/export', tags: ['reports'], security: bearer,
  summary: 'The store-day report as CSV; counted against the daily export limit of the caller’s role',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { body: jsonBody(StoreDayQuery) },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The report as CSV; `x-exports-remaining` says how many more today (absent: no limit)' },
    ...commonErrors,
    429: jsonResponse(ErrorBody, 'The role’s exports for today are used up'),
  },
});

export const reportsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(storeDay, async (c) => c.json(await storeDayReport(c.var.deps.db, c.var.principal, c.req.valid('query')), 200))
  .openapi(storeDayExport, async (c) => {
    const { db, clock } = c.var.deps;
    const { csv, remaining } = await db.transaction(async (tx) => {
      const report = await storeDayReport(tx, c.var.principal, c.req.valid('json'));
      const output = await recordReportOutput(tx, c.var.principal, clock, 'store_day', 'csv');
      return { csv: storeDayCsv(report), remaining: output.remaining };
    });
    if (remaining !== null) c.header('x-exports-remaining', String(remaining));
    c.header('content-disposition', 'attachment; filename="store-day.csv"');
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

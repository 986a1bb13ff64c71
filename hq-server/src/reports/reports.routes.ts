import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, ProductSalesQuery, ProductSalesReport, StoreDayPrint, StoreDayQuery, StoreDayReport } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { recordReportOutput } from '../roles/report-outputs';
import { productSalesReport } from './product-sales.service';
import { reportsDb } from './reports-db';
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
  summary: 'The store-day report as CSV; counted, like a print, against the daily limit of the caller’s role (报表打印权限)',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { body: jsonBody(StoreDayQuery) },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'The report as CSV; `x-exports-remaining` says how many more today (absent: no limit)' },
    ...commonErrors,
    429: jsonResponse(ErrorBody, 'The role’s exports for today are used up'),
  },
});

const storeDayPrint = createRoute({
  method: 'post', path: '/reports/store-day/print', tags: ['reports'], security: bearer,
  summary: 'The store-day report to print; counted, like an export, against the daily limit of the caller’s role (报表打印权限)',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { body: jsonBody(StoreDayQuery) },
  responses: {
    200: jsonResponse(StoreDayPrint, 'The report, and how many more prints and exports today'),
    ...commonErrors,
    429: jsonResponse(ErrorBody, 'The role’s prints and exports for today are used up'),
  },
});

const productSales = createRoute({
  method: 'get', path: '/reports/product-sales', tags: ['reports'], security: bearer,
  summary: 'The best-selling products and each category’s sales over a range, for the stores in the caller’s scope and the categories their role sees',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { query: ProductSalesQuery },
  responses: { 200: jsonResponse(ProductSalesReport, 'The report'), ...commonErrors },
});

export const reportsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(storeDay, async (c) => c.json(await storeDayReport(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(productSales, async (c) => c.json(await productSalesReport(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  // The report is read (from the replica, when there is one) before the output is counted on the
  // primary, so a failed read costs no print; a refused output throws, so its report is never sent.
  .openapi(storeDayPrint, async (c) => {
    const { db, clock } = c.var.deps;
    const report = await storeDayReport(reportsDb(c.var.deps), c.var.principal, c.req.valid('json'));
    const { remaining } = await db.transaction((tx) => recordReportOutput(tx, c.var.principal, clock, 'store_day', 'print'));
    return c.json({ report, remaining }, 200);
  })
  .openapi(storeDayExport, async (c) => {
    const { db, clock } = c.var.deps;
    const report = await storeDayReport(reportsDb(c.var.deps), c.var.principal, c.req.valid('json'));
    const { remaining } = await db.transaction((tx) => recordReportOutput(tx, c.var.principal, clock, 'store_day', 'csv'));
    if (remaining !== null) c.header('x-exports-remaining', String(remaining));
    c.header('content-disposition', 'attachment; filename="store-day.csv"');
    return c.body(storeDayCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

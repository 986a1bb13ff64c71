import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, SalesAnalysis, SalesAnalysisExport, SalesAnalysisQuery, XLSX_CONTENT_TYPE } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { recordReportOutput } from '../roles/report-outputs';
import { reportsDb } from './reports-db';
import { salesAnalysisCsv, salesAnalysisWorkbook } from './sales-analysis-export';
import { salesAnalysis } from './sales-analysis.service';

const analysisRoute = createRoute({
  method: 'get', path: '/reports/sales-analysis', tags: ['reports'], security: bearer,
  summary: 'Sales analysis (决策分析): the caller’s stores over a range grouped one way, beside the period before (环比) and a year earlier (同比)',
  description: 'Groups by store, region, franchisee, category, brand, product, supplier, clerk, member level, tender, hour, day, week or month; '
    + 'narrowed by store, region, franchisee, category (with those under it), brand, supplier or product. Margin only for roles that see cost. '
    + 'Clerk, member level, tender and hour cannot be narrowed by what was sold, nor read by a role that sees only some categories (400).',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { query: SalesAnalysisQuery },
  responses: { 200: jsonResponse(SalesAnalysis, 'The analysis'), ...commonErrors },
});

const exportRoute = createRoute({
  method: 'post', path: '/reports/sales-analysis/export', tags: ['reports'], security: bearer,
  summary: 'The sales analysis as .xlsx or CSV; counted against the daily prints and exports the caller’s role allows (报表打印权限)',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { body: jsonBody(SalesAnalysisExport) },
  responses: {
    200: {
      description: 'The file; `x-exports-remaining` says how many more today (absent: no limit)',
      content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string() } },
    },
    ...commonErrors,
    429: jsonResponse(ErrorBody, 'The role’s exports for today are used up'),
  },
});

export const salesAnalysisRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analysisRoute, async (c) => c.json(await salesAnalysis(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { query, format, language } = c.req.valid('json');
    const report = await salesAnalysis(reportsDb(c.var.deps), c.var.principal, query);
    // Counted only once the report is read, so a bad question costs no export; the file goes out only once counted.
    const { remaining } = await db.transaction((tx) => recordReportOutput(tx, c.var.principal, clock, 'sales_analysis', format));
    if (remaining !== null) c.header('x-exports-remaining', String(remaining));
    const name = `sales-${query.by}-${query.from}-${query.to}`;
    if (format === 'csv') {
      return c.body(salesAnalysisCsv(report, language), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    }
    return c.body(await salesAnalysisWorkbook(report, language), 200, { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` });
  });

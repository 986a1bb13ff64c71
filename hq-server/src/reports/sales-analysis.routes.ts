import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { SalesAnalysis, SalesAnalysisExport, SalesAnalysisQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { reportFileResponses, sendReportFile } from './report-file';
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
  responses: reportFileResponses,
});

export const salesAnalysisRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analysisRoute, async (c) => c.json(await salesAnalysis(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { query, format, language } = c.req.valid('json');
    const report = await salesAnalysis(reportsDb(c.var.deps), c.var.principal, query);
    return sendReportFile(c, 'sales_analysis', format, `sales-${query.by}-${query.from}-${query.to}`, { csv: () => salesAnalysisCsv(report, language), xlsx: () => salesAnalysisWorkbook(report, language) });
  });

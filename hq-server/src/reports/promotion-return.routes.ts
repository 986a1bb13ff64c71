import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, PromotionReturnExport, PromotionReturnQuery, PromotionReturnReport, XLSX_CONTENT_TYPE } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { recordReportOutput } from '../roles/report-outputs';
import { promotionReturnCsv, promotionReturnWorkbook } from './promotion-return-export';
import { promotionReturns } from './promotion-return.service';
import { reportsDb } from './reports-db';

const returnsRoute = createRoute({
  method: 'get', path: '/reports/promotion-return', tags: ['reports'], security: bearer,
  summary: 'Promotion return (促销活动投资收益率): each promotion that gave something in the caller’s stores over the range, its cost, and the promoted goods during it and as many days before',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { query: PromotionReturnQuery },
  responses: { 200: jsonResponse(PromotionReturnReport, 'The promotions, biggest cost first'), ...commonErrors },
});

const exportRoute = createRoute({
  method: 'post', path: '/reports/promotion-return/export', tags: ['reports'], security: bearer,
  summary: 'Promotion return as .xlsx or CSV; counted against the daily prints and exports the caller’s role allows (报表打印权限)',
  middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  request: { body: jsonBody(PromotionReturnExport) },
  responses: {
    200: {
      description: 'The file; `x-exports-remaining` says how many more today (absent: no limit)',
      content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string() } },
    },
    ...commonErrors,
    429: jsonResponse(ErrorBody, 'The role’s exports for today are used up'),
  },
});

export const promotionReturnRoutes = new OpenAPIHono<AppEnv>()
  .openapi(returnsRoute, async (c) => c.json(await promotionReturns(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { db, clock } = c.var.deps;
    const { query, format, language } = c.req.valid('json');
    const report = await promotionReturns(reportsDb(c.var.deps), c.var.principal, query);
    const { remaining } = await db.transaction((tx) => recordReportOutput(tx, c.var.principal, clock, 'promotion_return', format));
    if (remaining !== null) c.header('x-exports-remaining', String(remaining));
    const name = `promotion-return-${query.from}-${query.to}`;
    if (format === 'csv') {
      return c.body(promotionReturnCsv(report, language), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    }
    return c.body(await promotionReturnWorkbook(report, language), 200, { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` });
  });

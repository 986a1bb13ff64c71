import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { PromotionReturnExport, PromotionReturnQuery, PromotionReturnReport } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { promotionReturnCsv, promotionReturnWorkbook } from './promotion-return-export';
import { promotionReturns } from './promotion-return.service';
import { reportFileResponses, sendReportFile } from './report-file';
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
  responses: reportFileResponses,
});

export const promotionReturnRoutes = new OpenAPIHono<AppEnv>()
  .openapi(returnsRoute, async (c) => c.json(await promotionReturns(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { query, format, language } = c.req.valid('json');
    const report = await promotionReturns(reportsDb(c.var.deps), c.var.principal, query);
    return sendReportFile(c, 'promotion_return', format, `promotion-return-${query.from}-${query.to}`, { csv: () => promotionReturnCsv(report, language), xlsx: () => promotionReturnWorkbook(report, language) });
  });

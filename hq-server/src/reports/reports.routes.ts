import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { StoreDayQuery, StoreDayReport } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { storeDayReport } from './store-day.service';

const storeDay = createRoute({
  method: 'get', path: '/reports/store-day', tags: ['reports'], security: bearer,
  summary: 'Sales, tickets, items and average basket per store per business day, for the stores in the caller’s scope',
  middleware: [authenticate('office', 'device')] as const,
  request: { query: StoreDayQuery },
  responses: { 200: jsonResponse(StoreDayReport, 'The report'), ...commonErrors },
});

export const reportsRoutes = new OpenAPIHono<AppEnv>().openapi(storeDay, async (c) =>
  c.json(await storeDayReport(c.var.deps.db, c.var.principal, c.req.valid('query')), 200),
);

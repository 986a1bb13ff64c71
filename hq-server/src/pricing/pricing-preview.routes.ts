import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { DiscrepancyList, DiscrepancyQuery, PricedBasketBody, PreviewBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { listDiscrepancies } from './discrepancies.service';
import { previewPricing } from './preview.service';

const previewRoute = createRoute({
  method: 'post', path: '/pricing/preview', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'view')] as const,
  summary: 'Price a basket with the shared engine: saved active rules and optional draft rules, every adjustment with its rule',
  request: { body: jsonBody(PreviewBody) },
  responses: { 200: jsonResponse(PricedBasketBody, 'The priced basket'), ...commonErrors },
});

const discrepanciesRoute = createRoute({
  method: 'get', path: '/pricing/discrepancies', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'view')] as const,
  summary: 'Where HQ’s re-pricing of ingested sales differs from the till’s, in the caller’s stores',
  request: { query: DiscrepancyQuery },
  responses: { 200: jsonResponse(DiscrepancyList, 'Newest first'), ...commonErrors },
});

export const pricingPreviewRoutes = new OpenAPIHono<AppEnv>()
  .openapi(previewRoute, async (c) => c.json(await previewPricing(c.var.deps.db, c.var.principal.chainId, c.req.valid('json')), 200))
  .openapi(discrepanciesRoute, async (c) => c.json(await listDiscrepancies(c.var.deps.db, c.var.principal, c.req.valid('query')), 200));

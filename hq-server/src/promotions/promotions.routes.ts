import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, Promotion, PromotionBody, PromotionList, PromotionListQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { AppError } from '../http/errors';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireRole } from '../http/require-role';
import { archivePromotion, createPromotion, getPromotion, listPromotions, replacePromotion } from './promotions.service';

/** A replacement names its promotion twice, in the path and in `rule.id`; they must agree. */
function samePromotion(pathId: string, body: PromotionBody): PromotionBody {
  if (body.rule.id !== pathId) throw new AppError('VALIDATION_FAILED', 'invalid request body', [{ path: 'rule.id', message: `must be the id in the path, ${pathId}` }]);
  return body;
}

const listRoute = createRoute({
  method: 'get', path: '/promotions', tags: ['promotions'], security: bearer, middleware: [authenticate('office'), requireModule('promotions', 'view')] as const,
  summary: 'Promotions with their state at HQ’s clock: draft, paused, scheduled, running or ended (archived only when asked)',
  request: { query: PromotionListQuery },
  responses: { 200: jsonResponse(PromotionList, 'Promotions by name'), ...commonErrors },
});

const getRoute = createRoute({
  method: 'get', path: '/promotions/{id}', tags: ['promotions'], security: bearer, middleware: [authenticate('office'), requireModule('promotions', 'view')] as const,
  summary: 'One promotion by id',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Promotion, 'The promotion'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/promotions', tags: ['promotions'], security: bearer, middleware: [authenticate('office'), requireModule('promotions', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Create a promotion; the office chooses its id in `rule.id` (HQ only)',
  request: { body: jsonBody(PromotionBody) },
  responses: { 201: jsonResponse(Promotion, 'Created'), ...commonErrors, 409: jsonResponse(ErrorBody, 'A promotion with this id exists') },
});

const replaceRoute = createRoute({
  method: 'put', path: '/promotions/{id}', tags: ['promotions'], security: bearer, middleware: [authenticate('office'), requireModule('promotions', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Replace a promotion’s rule and status; `rule.id` must be the id in the path (HQ only)',
  request: { params: IdParams, body: jsonBody(PromotionBody) },
  responses: { 200: jsonResponse(Promotion, 'Replaced'), ...commonErrors },
});

const archiveRoute = createRoute({
  method: 'delete', path: '/promotions/{id}', tags: ['promotions'], security: bearer, middleware: [authenticate('office'), requireModule('promotions', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Delete a promotion: it is archived, so tills drop it at their next pull (HQ only)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(Promotion, 'Archived'), ...commonErrors },
});

export const promotionsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listPromotions(c.var.deps, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => c.json(await getPromotion(c.var.deps.db, c.var.principal.chainId, c.req.valid('param').id), 200))
  .openapi(createRouteDef, async (c) => c.json(await createPromotion(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(replaceRoute, async (c) => c.json(await replacePromotion(c.var.deps, c.var.principal, samePromotion(c.req.valid('param').id, c.req.valid('json'))), 200))
  .openapi(archiveRoute, async (c) => c.json(await archivePromotion(c.var.deps, c.var.principal, c.req.valid('param').id), 200));

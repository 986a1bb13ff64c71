import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  ErrorBody, ReplenishmentAskBody, ReplenishmentAskResult, ReplenishmentRule, ReplenishmentRuleBody, ReplenishmentRuleList, ReplenishmentRuleParams, ReplenishmentStoreQuery, ReplenishmentSuggestionList,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { askSuggested, deleteRule, listRules, listSuggestions, setRule } from './replenishment.service';

const tags = ['stock'];

const rulesRoute = createRoute({
  method: 'get', path: '/stock/replenishment/rules', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'A store’s replenishment rules (补货设置) per product: ideal stock (min, max, lead time) or sell one, send one, with the pack size',
  request: { query: ReplenishmentStoreQuery },
  responses: { 200: jsonResponse(ReplenishmentRuleList, 'The rules'), ...commonErrors },
});

const setRuleRoute = createRoute({
  method: 'put', path: '/stock/replenishment/rules/{storeId}/{productId}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Set a store’s rule for a product: up to max when it falls to min (理想库存补货), or send back what sold (买一补一), held to max',
  request: { params: ReplenishmentRuleParams, body: jsonBody(ReplenishmentRuleBody) },
  responses: { 200: jsonResponse(ReplenishmentRule, 'Set'), ...commonErrors },
});

const deleteRuleRoute = createRoute({
  method: 'delete', path: '/stock/replenishment/rules/{storeId}/{productId}', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Remove a store’s rule for a product: it is suggested no more',
  request: { params: ReplenishmentRuleParams },
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

const suggestionsRoute = createRoute({
  method: 'get', path: '/stock/replenishment/suggestions', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'view')] as const,
  summary: 'What each of a store’s rules suggests asking for now (补货建议), in whole packs, with the facts: on hand, on the way, asked, sold, min, max, pack',
  request: { query: ReplenishmentStoreQuery },
  responses: { 200: jsonResponse(ReplenishmentSuggestionList, 'The suggestions'), ...commonErrors },
});

const askRoute = createRoute({
  method: 'post', path: '/stock/replenishment/requisitions', tags, security: bearer, middleware: [authenticate('office'), requireModule('stock', 'edit')] as const,
  summary: 'Ask a warehouse for what the chosen rules suggest now, as one requisition, and stamp them asked; pressed again, nothing is left and it is refused (409)',
  request: { body: jsonBody(ReplenishmentAskBody) },
  responses: { 201: jsonResponse(ReplenishmentAskResult, 'Asked'), ...commonErrors, 409: jsonResponse(ErrorBody, 'Nothing left to ask for') },
});

export const replenishmentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(rulesRoute, async (c) => c.json({ items: await listRules(c.var.deps, c.var.principal, c.req.valid('query').storeId) }, 200))
  .openapi(setRuleRoute, async (c) => {
    const { storeId, productId } = c.req.valid('param');
    return c.json(await setRule(c.var.deps, c.var.principal, storeId, productId, c.req.valid('json')), 200);
  })
  .openapi(deleteRuleRoute, async (c) => {
    const { storeId, productId } = c.req.valid('param');
    await deleteRule(c.var.deps, c.var.principal, storeId, productId);
    return c.body(null, 204);
  })
  .openapi(suggestionsRoute, async (c) => c.json(await listSuggestions(c.var.deps, c.var.principal, c.req.valid('query').storeId), 200))
  .openapi(askRoute, async (c) => c.json(await askSuggested(c.var.deps, c.var.principal, c.req.valid('json')), 201));

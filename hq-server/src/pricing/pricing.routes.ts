import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CreateMemberLevelBody, MemberLevel, MemberLevelSettings, PriceEntry, PriceImportResult, SetPriceBody, UpdateMemberLevelBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireRole } from '../http/require-role';
import { createMemberLevel, listMemberLevels, updateMemberLevel } from './member-levels.service';
import { importPrices } from './price-import.service';
import { IMPORT_COLUMNS } from './price-import.rows';
import { cancelScheduledPrice, setPrice } from './prices.service';

const conflict = { 409: jsonResponse(commonErrors[400].content['application/json'].schema, 'Conflicts with what is there') };

const setPriceRoute = createRoute({
  method: 'post', path: '/pricing/prices', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Set a chain price (storeId null) or a store price, now or from a future instant (HQ only)',
  request: { body: jsonBody(SetPriceBody) },
  responses: { 201: jsonResponse(PriceEntry, 'The price entry, new or with its amount replaced'), ...commonErrors },
});

const cancelPriceRoute = createRoute({
  method: 'delete', path: '/pricing/prices/{id}', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Cancel a scheduled price change that has not started (HQ only)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(PriceEntry, 'Cancelled'), ...commonErrors, ...conflict },
});

const importRoute = createRoute({
  method: 'post', path: '/pricing/prices/import', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Import prices from CSV, all or nothing (HQ only)',
  description: `Columns: ${IMPORT_COLUMNS.join(', ')} (sku and price required). \`store\` is a store code, empty for the chain price; \`kind\` retail (default), member or wholesale; \`level\` a member level code, member prices only; \`price\` in major units such as 12.90; \`effective_from\` empty for now, YYYY-MM-DD for store-local midnight, or an ISO instant. Every row is checked first; if any is wrong the answer is 400 with \`details\` listing each problem by row and column, and nothing is imported.`,
  request: { body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
  responses: { 200: jsonResponse(PriceImportResult, 'Every row imported'), ...commonErrors },
});

const listLevelsRoute = createRoute({
  method: 'get', path: '/pricing/member-levels', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'view')] as const,
  summary: 'The chain’s member levels',
  responses: { 200: jsonResponse(z.array(MemberLevelSettings), 'Member levels by code, with their rank and rules'), ...commonErrors },
});

const updateLevelRoute = createRoute({
  method: 'put', path: '/pricing/member-levels/{id}', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Change a member level’s names, rank and upgrade/downgrade rule (会员升降级规则), default and paid period (HQ only, audited)',
  request: { params: IdParams, body: jsonBody(UpdateMemberLevelBody) },
  responses: { 200: jsonResponse(MemberLevelSettings, 'Saved'), ...commonErrors, ...conflict },
});

const createLevelRoute = createRoute({
  method: 'post', path: '/pricing/member-levels', tags: ['pricing'], security: bearer, middleware: [authenticate('office'), requireModule('prices', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Create a member level (HQ only)',
  request: { body: jsonBody(CreateMemberLevelBody) },
  responses: { 201: jsonResponse(MemberLevel, 'Created'), ...commonErrors, ...conflict },
});

export const pricingRoutes = new OpenAPIHono<AppEnv>()
  .openapi(setPriceRoute, async (c) => c.json(await setPrice(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(cancelPriceRoute, async (c) => c.json(await cancelScheduledPrice(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(importRoute, async (c) => c.json(await importPrices(c.var.deps, c.var.principal, await c.req.text()), 200))
  .openapi(listLevelsRoute, async (c) => c.json(await listMemberLevels(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createLevelRoute, async (c) => c.json(await createMemberLevel(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateLevelRoute, async (c) => c.json(await updateMemberLevel(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { PointsRule, PointsRuleBody, PointsRuleList, PointsSettings } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { createPointsRule, deletePointsRule, listPointsRules, updatePointsRule } from './points-rules.service';
import { loadPointsSettings, savePointsSettings } from './points-settings.service';

const settingsRoute = createRoute({
  method: 'get', path: '/points/settings', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  summary: 'How many points take ¥1 off, and when points lapse (积分清零)',
  responses: { 200: jsonResponse(PointsSettings, 'The chain’s settings, or the defaults'), ...commonErrors },
});

const saveSettingsRoute = createRoute({
  method: 'put', path: '/points/settings', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Set the redemption rate and the expiry policy (HQ only, audited); a new policy counts from each lot’s earning day',
  request: { body: jsonBody(PointsSettings) },
  responses: { 200: jsonResponse(PointsSettings, 'Saved'), ...commonErrors },
});

const listRoute = createRoute({
  method: 'get', path: '/points/rules', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  summary: 'The chain’s earning rules (积分规则) by name',
  responses: { 200: jsonResponse(PointsRuleList, 'The rules'), ...commonErrors },
});

const createRuleRoute = createRoute({
  method: 'post', path: '/points/rules', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Add an earning rule: a rate by member level and category over a span of days (HQ only, audited)',
  request: { body: jsonBody(PointsRuleBody) },
  responses: { 201: jsonResponse(PointsRule, 'Added'), ...commonErrors },
});

const updateRuleRoute = createRoute({
  method: 'put', path: '/points/rules/{id}', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Change an earning rule (HQ only, audited); points already earned stay as posted',
  request: { params: IdParams, body: jsonBody(PointsRuleBody) },
  responses: { 200: jsonResponse(PointsRule, 'Changed'), ...commonErrors },
});

const deleteRuleRoute = createRoute({
  method: 'delete', path: '/points/rules/{id}', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Delete an earning rule (HQ only, audited); points already earned stay as posted',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
});

export const pointsAdminRoutes = new OpenAPIHono<AppEnv>()
  .openapi(settingsRoute, async (c) => c.json(await loadPointsSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(saveSettingsRoute, async (c) => c.json(await savePointsSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(listRoute, async (c) => c.json(await listPointsRules(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createRuleRoute, async (c) => c.json(await createPointsRule(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRuleRoute, async (c) => c.json(await updatePointsRule(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deleteRuleRoute, async (c) => {
    await deletePointsRule(c.var.deps, c.var.principal, c.req.valid('param').id);
    return c.body(null, 204);
  });


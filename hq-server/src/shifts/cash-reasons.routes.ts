import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CashReason, CashReasonBody, CashReasonList, ErrorBody } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { createCashReason, listCashReasons, updateCashReason } from './cash-reasons.service';

const conflict = { 409: jsonResponse(ErrorBody, 'The reason code is taken') };

const listRoute = createRoute({
  method: 'get', path: '/settings/cash-reasons', tags: ['shifts'], security: bearer, middleware: [authenticate('office'), requireModule('settings', 'view')] as const,
  summary: 'The chain’s reasons for cash in and out of a till (收支类别), retired ones too',
  responses: { 200: jsonResponse(CashReasonList, 'Every reason of the chain'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/settings/cash-reasons', tags: ['shifts'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Add a cash reason (HQ only); tills pull it',
  request: { body: jsonBody(CashReasonBody) },
  responses: { 201: jsonResponse(CashReason, 'Added'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/settings/cash-reasons/{id}', tags: ['shifts'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Change or retire a cash reason (HQ only); `active` false takes it off the tills',
  request: { params: IdParams, body: jsonBody(CashReasonBody) },
  responses: { 200: jsonResponse(CashReason, 'Changed'), ...commonErrors, ...conflict },
});

export const cashReasonsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listCashReasons(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createRouteDef, async (c) => c.json(await createCashReason(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateCashReason(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { PullQuery, PullResponse, PushBody, PushResponse } from '@pos/shared';
import type { AppEnv, DevicePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { pullChanges } from './pull.service';
import { pushDocuments } from './push.service';

const pull = createRoute({
  method: 'get', path: '/sync/pull', tags: ['sync'], security: bearer,
  summary: 'Changes a till needs after its cursor, in change-sequence order',
  middleware: [authenticate('device')] as const,
  request: { query: PullQuery },
  responses: { 200: jsonResponse(PullResponse, 'One page of changes and the next cursor'), ...commonErrors },
});

const push = createRoute({
  method: 'post', path: '/sync/push', tags: ['sync'], security: bearer,
  summary: 'Documents made on a till (sales), each ingested once and answered on its own',
  middleware: [authenticate('device')] as const,
  request: { body: jsonBody(PushBody) },
  responses: { 200: jsonResponse(PushResponse, 'Per document: accepted, duplicate or rejected with a reason'), ...commonErrors },
});

export const syncRoutes = new OpenAPIHono<AppEnv>()
  .openapi(pull, async (c) => c.json(await pullChanges(c.var.deps.db, c.var.principal as DevicePrincipal, c.req.valid('query')), 200))
  .openapi(push, async (c) => c.json(await pushDocuments(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('json')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ClerkListQuery, ClerkPage, ClerkRecord, CreateClerkBody, ErrorBody, ResetPinBody, UpdateClerkBody } from '@pos/shared';
import type { AppEnv, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { createClerk, listClerks, resetClerkPin, setClerkActive, updateClerk } from './clerks.service';

const tags = ['people'];
const conflict = { 409: jsonResponse(ErrorBody, 'The code or badge barcode is taken in the chain') };

const listRoute = createRoute({
  method: 'get', path: '/clerks', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'view')] as const,
  summary: 'Clerks (cashiers, store managers, sales clerks) of the stores in the caller’s scope; HQ also the chain-wide ones. Paged',
  request: { query: ClerkListQuery },
  responses: { 200: jsonResponse(ClerkPage, 'One page and the count of every match'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/clerks', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'Creates a clerk of a store in scope (HQ: or chain-wide) with a first PIN',
  request: { body: jsonBody(CreateClerkBody) },
  responses: { 201: jsonResponse(ClerkRecord, 'Created'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/clerks/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'Changes a clerk in scope: code, name, store, clerk role, badge, commission grade, till role',
  request: { params: IdParams, body: jsonBody(UpdateClerkBody) },
  responses: { 200: jsonResponse(ClerkRecord, 'Changed'), ...commonErrors, ...conflict },
});

const pinRoute = createRoute({
  method: 'post', path: '/clerks/{id}/pin', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'A manager sets a clerk’s new PIN; the wrong-PIN count and lock-out are cleared',
  request: { params: IdParams, body: jsonBody(ResetPinBody) },
  responses: { 200: jsonResponse(ClerkRecord, 'PIN set'), ...commonErrors },
});

const activeRoute = (action: 'deactivate' | 'reactivate') =>
  createRoute({
    method: 'post', path: `/clerks/{id}/${action}`, tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
    summary: action === 'deactivate' ? 'Deactivates a clerk: their sessions end at once and tills learn by pull' : 'Lets a deactivated clerk sign in again',
    request: { params: IdParams },
    responses: { 200: jsonResponse(ClerkRecord, 'Done (also when it already was)'), ...commonErrors },
  });

const me = (c: { var: AppEnv['Variables'] }) => c.var.principal as OfficePrincipal;

export const clerksRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listClerks(c.var.deps, me(c), c.req.valid('query')), 200))
  .openapi(createRouteDef, async (c) => c.json(await createClerk(c.var.deps, me(c), c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateClerk(c.var.deps, me(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(pinRoute, async (c) => c.json(await resetClerkPin(c.var.deps, me(c), c.req.valid('param').id, c.req.valid('json').pin), 200))
  .openapi(activeRoute('deactivate'), async (c) => c.json(await setClerkActive(c.var.deps, me(c), c.req.valid('param').id, false), 200))
  .openapi(activeRoute('reactivate'), async (c) => c.json(await setClerkActive(c.var.deps, me(c), c.req.valid('param').id, true), 200));

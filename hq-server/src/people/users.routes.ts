import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CreateOfficeUserBody, ErrorBody, OfficeUser, OfficeUserListQuery, OfficeUserPage, ResetPasswordBody, UpdateOfficeUserBody } from '@pos/shared';
import type { AppEnv, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { createUser, listUsers, resetPassword, setUserActive, updateUser } from './users.service';

const tags = ['people'];
const conflict = { 409: jsonResponse(ErrorBody, 'The e-mail is taken in the chain') };

const listRoute = createRoute({
  method: 'get', path: '/users', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'view')] as const,
  summary: 'Office users the caller sees (HQ the chain; a franchisee their own and their stores’ managers; a region manager their stores’ managers), paged',
  request: { query: OfficeUserListQuery },
  responses: { 200: jsonResponse(OfficeUserPage, 'One page and the count of every match'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/users', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'Creates an office user tied to what their level needs (franchisee, region or store), with a first password',
  request: { body: jsonBody(CreateOfficeUserBody) },
  responses: { 201: jsonResponse(OfficeUser, 'Created'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/users/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'Changes a user the caller manages: name, e-mail, level and its tie, office role',
  request: { params: IdParams, body: jsonBody(UpdateOfficeUserBody) },
  responses: { 200: jsonResponse(OfficeUser, 'Changed'), ...commonErrors, ...conflict },
});

const passwordRoute = createRoute({
  method: 'post', path: '/users/{id}/password', tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
  summary: 'HQ or a franchisee sets a new password for one of their people; it clears the lock-out and ends their sessions',
  request: { params: IdParams, body: jsonBody(ResetPasswordBody) },
  responses: { 200: jsonResponse(OfficeUser, 'Password set'), ...commonErrors },
});

const activeRoute = (action: 'deactivate' | 'reactivate') =>
  createRoute({
    method: 'post', path: `/users/{id}/${action}`, tags, security: bearer, middleware: [authenticate('office'), requireModule('people', 'edit')] as const,
    summary: action === 'deactivate' ? 'Deactivates a user: they cannot sign in and their sessions end at once' : 'Lets a deactivated user sign in again',
    request: { params: IdParams },
    responses: { 200: jsonResponse(OfficeUser, 'Done (also when it already was)'), ...commonErrors },
  });

const me = (c: { var: AppEnv['Variables'] }) => c.var.principal as OfficePrincipal;

export const usersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listUsers(c.var.deps, me(c), c.req.valid('query')), 200))
  .openapi(createRouteDef, async (c) => c.json(await createUser(c.var.deps, me(c), c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateUser(c.var.deps, me(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(passwordRoute, async (c) => c.json(await resetPassword(c.var.deps, me(c), c.req.valid('param').id, c.req.valid('json').password), 200))
  .openapi(activeRoute('deactivate'), async (c) => c.json(await setUserActive(c.var.deps, me(c), c.req.valid('param').id, false), 200))
  .openapi(activeRoute('reactivate'), async (c) => c.json(await setUserActive(c.var.deps, me(c), c.req.valid('param').id, true), 200));

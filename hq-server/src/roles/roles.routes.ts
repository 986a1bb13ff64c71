import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, PermissionRole, PermissionRoleBody, PermissionRoleListQuery, PermissionRolePage } from '@pos/shared';
import type { AppEnv, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { createRole, listRoles, updateRole } from './roles.service';

const tags = ['roles'];
const conflict = { 409: jsonResponse(ErrorBody, 'The code is taken, the kind would change, or people still hold the role') };

const listRoute = createRoute({
  method: 'get', path: '/roles', tags, security: bearer, middleware: [authenticate('office'), requireModule(['roles', 'people'], 'view')] as const,
  summary: 'The chain’s office and till roles (权限角色), paged; for choosing one, and for HQ to edit',
  request: { query: PermissionRoleListQuery },
  responses: { 200: jsonResponse(PermissionRolePage, 'One page and the count of every match'), ...commonErrors },
});

const createRouteDef = createRoute({
  method: 'post', path: '/roles', tags, security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('roles', 'edit')] as const,
  summary: 'HQ creates an office role (module access, categories, cost prices, report outputs) or a till role (function keys, discount limits)',
  request: { body: jsonBody(PermissionRoleBody) },
  responses: { 201: jsonResponse(PermissionRole, 'Created'), ...commonErrors, ...conflict },
});

const updateRoute = createRoute({
  method: 'put', path: '/roles/{id}', tags, security: bearer, middleware: [authenticate('office'), requireRole('hq_admin'), requireModule('roles', 'edit')] as const,
  summary: 'HQ changes a role; holders get the change at their next request (office) or pull (till)',
  request: { params: IdParams, body: jsonBody(PermissionRoleBody) },
  responses: { 200: jsonResponse(PermissionRole, 'Changed'), ...commonErrors, ...conflict },
});

const me = (c: { var: AppEnv['Variables'] }) => c.var.principal as OfficePrincipal;

export const rolesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listRoles(c.var.deps, me(c), c.req.valid('query')), 200))
  .openapi(createRouteDef, async (c) => c.json(await createRole(c.var.deps, me(c), c.req.valid('json')), 201))
  .openapi(updateRoute, async (c) => c.json(await updateRole(c.var.deps, me(c), c.req.valid('param').id, c.req.valid('json')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AuditPage, AuditQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { listAuditEntries } from './audit.service';

const listRoute = createRoute({
  method: 'get', path: '/audit', tags: ['audit'], security: bearer,
  middleware: [authenticate('office'), requireRole('hq_admin', 'region_manager', 'franchisee', 'store_manager'), requireModule('audit', 'view')] as const,
  summary: 'The audit trail (操作日志), a page at a time: who changed what, when, before and after',
  description: 'HQ reads the chain’s; a region manager, franchisee or store manager the entries about the stores in their scope, their clerks and office users (a franchisee also about themselves). `entity` takes several nouns comma-separated; `from` is inclusive and `to` exclusive; `q` looks in the entity, its id, the action, the actor’s name and the before and after.',
  request: { query: AuditQuery },
  responses: { 200: jsonResponse(AuditPage, 'A page and the number of matching entries'), ...commonErrors },
});

export const auditRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listAuditEntries(c.var.deps, c.var.principal, c.req.valid('query')), 200));

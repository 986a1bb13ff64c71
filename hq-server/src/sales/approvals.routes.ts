import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ApprovalList, ApprovalsQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { storeInScope, storesInScope } from '../http/scope';
import { findApprovals } from './approvals.repo';

const listRoute = createRoute({
  method: 'get', path: '/sales/approvals', tags: ['sales'], security: bearer, middleware: [authenticate('office'), requireModule('reports', 'view')] as const,
  summary: 'Manager overrides (店长授权) given at the tills of the stores in the caller’s scope: the key, the sale or till event, who asked and who approved',
  description: '`from` and `to` are business days of the sale; `key` filters by till keys, comma-separated. Paged: `{ items, total }`.',
  request: { query: ApprovalsQuery },
  responses: { 200: jsonResponse(ApprovalList, 'One page of overrides, and how many match'), ...commonErrors },
});

export const approvalsRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db } = c.var.deps;
  const principal = c.var.principal;
  const q = c.req.valid('query');
  const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  return c.json(await findApprovals(db, principal.chainId, stores, q), 200);
});

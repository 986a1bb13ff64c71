import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ClerkSignOutBody, OfficeSessionList, OfficeSessionsQuery, OfficeSessionState } from '@pos/shared';
import type { AppEnv, DevicePrincipal, OfficePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { currentOfficeSession, listOfficeSessions, revokeOfficeSession, signOutClerk, signOutOffice } from './sessions.service';

const officeSignOut = createRoute({
  method: 'post', path: '/auth/office/sign-out', tags: ['auth'], summary: 'Ends the office session the request came with', security: bearer,
  middleware: [authenticate('office')] as const,
  responses: { 204: { description: 'Signed out; the token no longer works' }, 401: commonErrors[401], 403: commonErrors[403] },
});

const currentRoute = createRoute({
  method: 'get', path: '/auth/office/session', tags: ['auth'], security: bearer,
  summary: 'The session the request came with: its user and what their role lets them do, so the office shows only that',
  middleware: [authenticate('office')] as const,
  responses: { 200: jsonResponse(OfficeSessionState, 'The current session'), 401: commonErrors[401], 403: commonErrors[403] },
});

const clerkSignOut = createRoute({
  method: 'post', path: '/auth/clerk/sign-out', tags: ['auth'], summary: 'A till ends a clerk session begun on it', security: bearer,
  middleware: [authenticate('device')] as const,
  request: { body: jsonBody(ClerkSignOutBody) },
  responses: { 204: { description: 'Signed out (also when the session had already ended)' }, ...commonErrors },
});

const listRoute = createRoute({
  method: 'get', path: '/auth/sessions', tags: ['auth'], security: bearer,
  summary: 'Open office sessions of the caller, or of a user in their scope (HQ: the chain; a franchisee: their own users)',
  middleware: [authenticate('office')] as const,
  request: { query: OfficeSessionsQuery },
  responses: { 200: jsonResponse(OfficeSessionList, 'Sessions neither expired nor revoked, newest first'), ...commonErrors },
});

const revokeRoute = createRoute({
  method: 'delete', path: '/auth/sessions/{id}', tags: ['auth'], summary: 'Revokes one office session of a user in scope', security: bearer,
  middleware: [authenticate('office')] as const,
  request: { params: IdParams },
  responses: { 204: { description: 'Revoked' }, ...commonErrors },
});

export const sessionsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(officeSignOut, async (c) => {
    await signOutOffice(c.var.deps, c.var.principal as OfficePrincipal);
    return c.body(null, 204);
  })
  .openapi(currentRoute, async (c) => c.json(await currentOfficeSession(c.var.deps, c.var.principal as OfficePrincipal), 200))
  .openapi(clerkSignOut, async (c) => {
    await signOutClerk(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('json').token);
    return c.body(null, 204);
  })
  .openapi(listRoute, async (c) =>
    c.json({ sessions: await listOfficeSessions(c.var.deps, c.var.principal as OfficePrincipal, c.req.valid('query').userId) }, 200))
  .openapi(revokeRoute, async (c) => {
    await revokeOfficeSession(c.var.deps, c.var.principal as OfficePrincipal, c.req.valid('param').id);
    return c.body(null, 204);
  });

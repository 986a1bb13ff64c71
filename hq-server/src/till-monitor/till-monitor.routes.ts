import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AcceptCorrectionBody, ErrorBody, SyncRejection, TillMonitor, TillMonitorQuery, TillSyncSettings } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { acceptCorrection, readTillMonitor, resendRejection } from './till-monitor.service';
import { loadTillSyncSettings, saveTillSyncSettings } from './till-sync-settings.service';

const settled = { 409: jsonResponse(ErrorBody, 'The document was already sent again or settled') };

const monitorRoute = createRoute({
  method: 'get', path: '/till-monitor', tags: ['devices'], security: bearer, middleware: [authenticate('office'), requireModule('devices', 'view')] as const,
  summary: 'Every till of the stores in the caller’s scope: last contact, documents waiting, catalog behind, version, last error and rejected documents',
  request: { query: TillMonitorQuery },
  responses: { 200: jsonResponse(TillMonitor, 'The tills by code, with the chain’s sync settings'), ...commonErrors },
});

const resendRoute = createRoute({
  method: 'post', path: '/till-monitor/rejections/{id}/resend', tags: ['devices'], security: bearer,
  middleware: [authenticate('office'), requireModule('devices', 'edit')] as const,
  summary: 'Ask the till, in its next pull, to push a rejected document again (after what it named was fixed)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(SyncRejection, 'To be sent again'), ...commonErrors, ...settled },
});

const acceptRoute = createRoute({
  method: 'post', path: '/till-monitor/rejections/{id}/accept', tags: ['devices'], security: bearer,
  middleware: [authenticate('office'), requireModule('devices', 'edit')] as const,
  summary: 'Settle a rejected document with a note on the correction made; the till drops it from its rejected list',
  request: { params: IdParams, body: jsonBody(AcceptCorrectionBody) },
  responses: { 200: jsonResponse(SyncRejection, 'Settled'), ...commonErrors, ...settled },
});

const settingsRoute = createRoute({
  method: 'get', path: '/settings/till-sync', tags: ['devices'], security: bearer, middleware: [authenticate('office'), requireModule('settings', 'view')] as const,
  summary: 'When a till counts as silent, and the oldest till version HQ still syncs with',
  responses: { 200: jsonResponse(TillSyncSettings, 'The chain’s settings, or the defaults'), ...commonErrors },
});

const saveSettingsRoute = createRoute({
  method: 'put', path: '/settings/till-sync', tags: ['devices'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Set when a till counts as silent and the oldest till version HQ still syncs with (HQ only); older tills get 426 `TILL_VERSION_REFUSED`',
  request: { body: jsonBody(TillSyncSettings) },
  responses: { 200: jsonResponse(TillSyncSettings, 'Saved'), ...commonErrors },
});

export const tillMonitorRoutes = new OpenAPIHono<AppEnv>()
  .openapi(monitorRoute, async (c) => c.json(await readTillMonitor(c.var.deps, c.var.principal, c.req.valid('query')), 200))
  .openapi(resendRoute, async (c) => c.json(await resendRejection(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(acceptRoute, async (c) => c.json(await acceptCorrection(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(settingsRoute, async (c) => c.json(await loadTillSyncSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(saveSettingsRoute, async (c) => c.json(await saveTillSyncSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200));

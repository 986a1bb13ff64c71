import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { TillShortcuts } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { getTillShortcuts, setTillShortcuts } from './till-shortcuts.service';

const getRoute = createRoute({
  method: 'get', path: '/settings/till-shortcuts', tags: ['settings'], security: bearer, middleware: [authenticate('office'), requireModule('settings', 'view')] as const,
  summary: 'The key of every sell-screen action on the chain’s tills (complete → F9, hold → Insert…); the defaults until HQ sets them',
  responses: { 200: jsonResponse(TillShortcuts, 'The chain’s till shortcuts'), ...commonErrors },
});

const putRoute = createRoute({
  method: 'put', path: '/settings/till-shortcuts', tags: ['settings'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Replace the chain’s till shortcuts (HQ only): every action one key (F1–F12, Insert, Home, End, PageUp, PageDown, Pause, Alt with a letter or digit), '
    + 'none twice (SHORTCUT_DUPLICATE) and none the scan field needs (SHORTCUT_RESERVED); a refused map changes nothing',
  request: { body: jsonBody(TillShortcuts) },
  responses: { 200: jsonResponse(TillShortcuts, 'Saved; tills pick the keys up at their next sync'), ...commonErrors },
});

export const tillShortcutsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => c.json(await getTillShortcuts(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(putRoute, async (c) => c.json(await setTillShortcuts(c.var.deps, c.var.principal, c.req.valid('json')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { MemberMessageList, MemberMessageQuery, MemberMessageSettings } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { listMemberMessages } from './member-messages.service';
import { loadMemberMessageSettings, saveMemberMessageSettings } from './message-settings.service';

const listRoute = createRoute({
  method: 'get', path: '/member-messages', tags: ['members'], security: bearer,
  middleware: [authenticate('office'), requireModule('members', 'view'), requireRole('hq_admin')] as const,
  summary: 'Messages to members (短信通知), queued, sent and failed, with the text as sent and the phone masked (HQ only)',
  request: { query: MemberMessageQuery },
  responses: { 200: jsonResponse(MemberMessageList, 'A page of messages and how many match'), ...commonErrors },
});

const settingsRoute = createRoute({
  method: 'get', path: '/settings/member-messages', tags: ['members'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'view'), requireRole('hq_admin')] as const,
  summary: 'Which messages the chain sends to members who consented, and when',
  responses: { 200: jsonResponse(MemberMessageSettings, 'The chain’s settings, or the defaults'), ...commonErrors },
});

const saveSettingsRoute = createRoute({
  method: 'put', path: '/settings/member-messages', tags: ['members'], security: bearer,
  middleware: [authenticate('office'), requireModule('settings', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Choose which messages the chain sends to members, its signature and when reminders go (HQ only)',
  request: { body: jsonBody(MemberMessageSettings) },
  responses: { 200: jsonResponse(MemberMessageSettings, 'Saved'), ...commonErrors },
});

export const memberMessagesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listMemberMessages(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(settingsRoute, async (c) => c.json(await loadMemberMessageSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(saveSettingsRoute, async (c) => c.json(await saveMemberMessageSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200));

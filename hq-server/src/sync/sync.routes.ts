import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, PullQuery, PullResponse, PushBody, PushResponse, TILL_REPORT_HEADER } from '@pos/shared';
import type { AppEnv, DevicePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { noteServedCursor, noteTillContact, outboxInstructions, parseTillReport, recordPushOutcome } from '../till-monitor/till-contact.service';
import { pullChanges } from './pull.service';
import { pushDocuments } from './push.service';

const TillReportHeaders = z.object({
  [TILL_REPORT_HEADER]: z.string().max(16_384).optional().openapi({
    description: 'The till’s report as compact JSON (`TillReport`): documents waiting, rejected, app version, cursor, last error. Tills from before reports send none.',
  }),
});

const refused = { 426: jsonResponse(ErrorBody, '`TILL_VERSION_REFUSED`: the till’s app version is below the chain’s minimum') };

const pull = createRoute({
  method: 'get', path: '/sync/pull', tags: ['sync'], security: bearer,
  summary: 'Changes a till needs after its cursor, in change-sequence order',
  middleware: [authenticate('device')] as const,
  request: { query: PullQuery, headers: TillReportHeaders },
  responses: { 200: jsonResponse(PullResponse, 'One page of changes and the next cursor'), ...commonErrors, ...refused },
});

const push = createRoute({
  method: 'post', path: '/sync/push', tags: ['sync'], security: bearer,
  summary: 'Documents made on a till (sales), each ingested once and answered on its own',
  middleware: [authenticate('device')] as const,
  request: { body: jsonBody(PushBody), headers: TillReportHeaders },
  responses: { 200: jsonResponse(PushResponse, 'Per document: accepted, duplicate or rejected with a reason'), ...commonErrors, ...refused },
});

export const syncRoutes = new OpenAPIHono<AppEnv>()
  .openapi(pull, async (c) => {
    const device = c.var.principal as DevicePrincipal;
    const { db } = c.var.deps;
    await noteTillContact(c.var.deps, device, parseTillReport(c.req.valid('header')[TILL_REPORT_HEADER]), 'pull');
    const page = await pullChanges(db, device, c.req.valid('query'));
    await noteServedCursor(db, device, page.cursor);
    const outbox = await outboxInstructions(c.var.deps, device);
    return c.json(outbox.length ? { ...page, outbox } : page, 200);
  })
  .openapi(push, async (c) => {
    const device = c.var.principal as DevicePrincipal;
    const body = c.req.valid('json');
    await noteTillContact(c.var.deps, device, parseTillReport(c.req.valid('header')[TILL_REPORT_HEADER]), 'push');
    const response = await pushDocuments(c.var.deps, device, body);
    await recordPushOutcome(c.var.deps, device, body.documents, response.results);
    return c.json(response, 200);
  });

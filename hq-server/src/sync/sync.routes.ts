import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, PullQuery, PullResponse, PushBody, PushResponse, SnapshotQuery, SYNC_PROTOCOL_HEADER, TILL_REPORT_HEADER } from '@pos/shared';
import type { Context } from 'hono';
import type { AppEnv, DevicePrincipal } from '../http/app-env';
import { authenticate, authenticateTill, forgetTill } from '../http/authenticate';
import { AppError } from '../http/errors';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { noteServedCursor, noteTillContact, outboxInstructions, parseTillReport, recordPushOutcome, type TillContact } from '../till-monitor/till-contact.service';
import { pullChanges } from './pull.service';
import { documentKindOf, pushDocuments } from './push.service';
import { snapshotStream } from './snapshot.service';
import { acceptSyncProtocol, nameSyncProtocol, SyncProtocolHeaders } from './sync-protocol';

const TillReportHeaders = SyncProtocolHeaders.extend({
  [TILL_REPORT_HEADER]: z.string().max(16_384).optional().openapi({
    description: 'The till’s report as compact JSON (`TillReport`): documents waiting, rejected, app version, cursor, last error. Tills from before reports send none.',
  }),
});

const refused = {
  426: jsonResponse(ErrorBody, '`TILL_VERSION_REFUSED`: the till’s app version is below the chain’s minimum; `SYNC_PROTOCOL_UNSUPPORTED`: HQ does not speak the till’s sync protocol'),
};

const pull = createRoute({
  method: 'get', path: '/sync/pull', tags: ['sync'], security: bearer,
  summary: 'Changes a till needs after its cursor, in change-sequence order',
  middleware: [authenticateTill] as const,
  request: { query: PullQuery, headers: TillReportHeaders },
  responses: { 200: jsonResponse(PullResponse, 'One page of changes and the next cursor'), ...commonErrors, ...refused },
});

const snapshot = createRoute({
  method: 'get', path: '/sync/snapshot', tags: ['sync'], security: bearer,
  summary: 'The till’s whole catalog at one cursor, streamed gzip NDJSON: a SnapshotHead line, then SnapshotBatch lines entity by entity',
  description: 'Sellable entities come first. `entity` and `after` resume a broken snapshot after the last key the till holds; the till keeps the first snapshot’s cursor.',
  middleware: [authenticate('device')] as const,
  request: { query: SnapshotQuery, headers: SyncProtocolHeaders },
  responses: {
    200: { description: 'NDJSON lines, `Content-Encoding: gzip`', content: { 'application/x-ndjson': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...commonErrors,
    426: jsonResponse(ErrorBody, '`SYNC_PROTOCOL_UNSUPPORTED`: HQ does not speak the till’s sync protocol'),
  },
});

const push = createRoute({
  method: 'post', path: '/sync/push', tags: ['sync'], security: bearer,
  summary: 'Documents made on a till (sales), each ingested once and answered on its own',
  middleware: [authenticateTill] as const,
  request: { body: jsonBody(PushBody), headers: TillReportHeaders },
  responses: { 200: jsonResponse(PushResponse, 'Per document: accepted, duplicate or rejected with a reason'), ...commonErrors, ...refused },
});

/**
 * Notes the till's contact with its report, checking its token again (`authenticateTill` may have
 * taken it from memory), and makes the till as it stands now the request's principal.
 */
async function tillContact(c: Context<AppEnv>, contact: Parameters<typeof noteTillContact>[3]): Promise<TillContact> {
  const principal = c.var.principal;
  const report = parseTillReport(c.req.header(TILL_REPORT_HEADER));
  try {
    const noted = await noteTillContact(c.var.deps, { chainId: principal.chainId, tokenHash: c.var.tillTokenHash }, report, contact);
    c.set('principal', noted.device);
    return noted;
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') forgetTill(c.var.deps.db, c.var.tillTokenHash);
    throw error;
  }
}

export const syncRoutes = new OpenAPIHono<AppEnv>();
syncRoutes.use('/sync/*', nameSyncProtocol);
syncRoutes
  .openapi(pull, async (c) => {
    const { deps } = c.var;
    const query = c.req.valid('query');
    acceptSyncProtocol(c.req.valid('header')[SYNC_PROTOCOL_HEADER]);
    const contact = await tillContact(c, { kind: 'pull', cursor: query.cursor });
    const page = await pullChanges(deps.db, contact, query);
    if (page.cursor !== query.cursor) await noteServedCursor(deps.db, contact.device, page.cursor);
    const outbox = contact.decisionsWaiting ? await outboxInstructions(deps, contact.device) : [];
    return c.json(outbox.length ? { ...page, outbox } : page, 200);
  })
  .openapi(snapshot, async (c) => {
    acceptSyncProtocol(c.req.valid('header')[SYNC_PROTOCOL_HEADER]);
    const lines = await snapshotStream(c.var.deps.db, c.var.principal as DevicePrincipal, c.req.valid('query'));
    // Node's and the DOM's typings disagree about CompressionStream's writable side; it takes bytes.
    const body = c.body(lines.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>), 200, {
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
    });
    // The route types any `application/…json…` answer as one JSON body; NDJSON is many, streamed.
    return body as never;
  })
  .openapi(push, async (c) => {
    const body = c.req.valid('json');
    acceptSyncProtocol(c.req.valid('header')[SYNC_PROTOCOL_HEADER]);
    const contact = await tillContact(c, { kind: 'push' });
    const response = await pushDocuments(c.var.deps, contact.device, body, { changeHead: contact.changeHead });
    for (const result of response.results) c.var.deps.observability?.metrics.pushedDocuments.inc({ kind: documentKindOf(body.documents[result.index]), status: result.status });
    await recordPushOutcome(c.var.deps, contact.device, body.documents, response.results, contact.openRejections);
    return c.json(response, 200);
  });

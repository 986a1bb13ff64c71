import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import {
  DraftStatementBody, ErrorBody, FranchiseStatement, FranchiseStatementList, FranchiseStatementsQuery, StatementExportBody, StatementLineBody, StatementLineParams,
  StatementPeriodQuery,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { reportFileResponses, sendReportFile } from '../reports/report-file';
import { statementCsv, statementWorkbook } from './statement-export';
import { addStatementLine, approveStatement, deleteStatement, draftStatement, previewStatement, readStatement, removeStatementLine } from './statements.service';
import { listStatements } from './statements-list.service';

/** Reading statements: HQ and franchisees (their own), with the organisation module. */
const reads = [authenticate('office'), requireModule('organisation', 'view')];
/** Drafting and approving: HQ's finance work, as every HQ change of the organisation needs. */
const hqEdits = [authenticate('office'), requireRole('hq_admin'), requireModule('organisation', 'edit')];

const statementRoute = <const R extends Omit<RouteConfig, 'tags' | 'security'>>(route: R) => createRoute({ ...route, tags: ['franchise-statements'], security: bearer });
const refused = { 409: jsonResponse(ErrorBody, 'Refused by what HQ holds: `STATEMENT_APPROVED` (its figures are fixed), `PERIOD_NOT_ENDED`, or a statement already covering the period') };
const answersStatement = (description: string) => ({ 200: jsonResponse(FranchiseStatement, description), ...commonErrors, ...refused });

const listRoute = statementRoute({
  method: 'get', path: '/franchise-statements', middleware: reads,
  summary: 'Franchise statements (加盟店结算单), the latest period first: HQ every one, a franchisee their own approved ones',
  request: { query: FranchiseStatementsQuery },
  responses: { 200: jsonResponse(FranchiseStatementList, 'A page of statements'), ...commonErrors },
});

const previewRoute = statementRoute({
  method: 'get', path: '/franchise-statements/preview', middleware: hqEdits,
  summary: 'What a franchisee’s statement of a period would be now, saving nothing (HQ only)',
  request: { query: StatementPeriodQuery },
  responses: { 200: jsonResponse(FranchiseStatement, 'The statement as a draft would show it'), ...commonErrors },
});

const draftRoute = statementRoute({
  method: 'post', path: '/franchise-statements', middleware: hqEdits,
  summary: 'Save a draft statement for a franchisee and period (HQ only); its figures are worked out afresh whenever it is read, until it is approved',
  request: { body: jsonBody(DraftStatementBody) },
  responses: { 201: jsonResponse(FranchiseStatement, 'The draft'), ...commonErrors, ...refused },
});

const readRoute = statementRoute({
  method: 'get', path: '/franchise-statements/{id}', middleware: reads,
  summary: 'One statement: a draft worked out now (HQ), or an approved one as it was fixed (HQ, or its franchisee)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(FranchiseStatement, 'The statement'), ...commonErrors },
});

const addLineRoute = statementRoute({
  method: 'post', path: '/franchise-statements/{id}/lines', middleware: hqEdits,
  summary: 'Add a fee or an adjustment, with its reason, to a draft (HQ only)',
  request: { params: IdParams, body: jsonBody(StatementLineBody) },
  responses: { 201: jsonResponse(FranchiseStatement, 'The draft with the line'), ...commonErrors, ...refused },
});

const removeLineRoute = statementRoute({
  method: 'delete', path: '/franchise-statements/{id}/lines/{lineId}', middleware: hqEdits,
  summary: 'Take a fee or an adjustment off a draft (HQ only)',
  request: { params: StatementLineParams },
  responses: answersStatement('The draft without the line'),
});

const approveRoute = statementRoute({
  method: 'post', path: '/franchise-statements/{id}/approve', middleware: hqEdits,
  summary: 'Approve a draft once its period has ended (HQ only): its figures are written and never worked out again; what arrives later goes in a later statement',
  request: { params: IdParams },
  responses: answersStatement('The approved statement'),
});

const deleteRoute = statementRoute({
  method: 'delete', path: '/franchise-statements/{id}', middleware: hqEdits,
  summary: 'Delete a draft (HQ only); an approved statement stays',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors, ...refused },
});

const exportRoute = statementRoute({
  method: 'post', path: '/franchise-statements/{id}/export', middleware: reads,
  summary: 'A statement as .xlsx or CSV; counted against the daily prints and exports the caller’s role allows of `franchise_statement`',
  request: { params: IdParams, body: jsonBody(StatementExportBody) },
  responses: reportFileResponses,
});

export const settlementRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json(await listStatements(c.var.deps.db, c.var.principal, c.req.valid('query')), 200))
  .openapi(previewRoute, async (c) => c.json(await previewStatement(c.var.deps, officePrincipal(c.var.principal), c.req.valid('query')), 200))
  .openapi(draftRoute, async (c) => c.json(await draftStatement(c.var.deps, officePrincipal(c.var.principal), c.req.valid('json')), 201))
  .openapi(readRoute, async (c) => c.json(await readStatement(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(addLineRoute, async (c) => c.json(await addStatementLine(c.var.deps, officePrincipal(c.var.principal), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(removeLineRoute, async (c) => {
    const { id, lineId } = c.req.valid('param');
    return c.json(await removeStatementLine(c.var.deps, officePrincipal(c.var.principal), id, lineId), 200);
  })
  .openapi(approveRoute, async (c) => c.json(await approveStatement(c.var.deps, officePrincipal(c.var.principal), c.req.valid('param').id), 200))
  .openapi(deleteRoute, async (c) => {
    await deleteStatement(c.var.deps, officePrincipal(c.var.principal), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(exportRoute, async (c) => {
    const { format, language } = c.req.valid('json');
    // Read first, so asking for a statement the caller cannot see costs no export.
    const statement = await readStatement(c.var.deps, c.var.principal, c.req.valid('param').id);
    const name = `statement-${statement.no ?? 'preview'}-${statement.franchisee.code}-${statement.period.key}`;
    return sendReportFile(c, 'franchise_statement', format, name, { csv: () => statementCsv(statement, language), xlsx: () => statementWorkbook(statement, language) });
  });

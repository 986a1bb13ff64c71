import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import {
  StoredValueAdjustment, StoredValueAdjustmentBody, StoredValueAdjustmentList, StoredValueAdjustmentsQuery, ErrorBody, MemberIdParams, MembershipSettings, MemberStoredValue, StoredValueEntriesQuery,
  StoredValueReceivableList, StoredValueReceivablesQuery, TopUpRule, TopUpRuleBody, TopUpRuleList,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { listAdjustments } from './adjustments-list.service';
import { decideAdjustment, requestAdjustment } from './adjustments.service';
import { loadMembershipSettings, saveMembershipSettings } from './membership-settings.service';
import { listStoredValueReceivables } from './receivables.service';
import { readMemberStoredValue } from './stored-value-reads.service';
import { createTopUpRule, listTopUpRules, updateTopUpRule } from './top-up-rules.service';

const hqEdits = (module: 'members' | 'settings') => [authenticate('office'), requireModule(module, 'edit'), requireRole('hq_admin')];
const officeReads = (module: 'members' | 'settings') => [authenticate('office'), requireModule(module, 'view')];

/** A route of the stored-value tag, called with an office session's bearer token. */
const storedValueRoute = <const R extends Omit<RouteConfig, 'tags' | 'security'>>(route: R) => createRoute({ ...route, tags: ['stored-value'], security: bearer });

const memberRoute = storedValueRoute({
  method: 'get', path: '/members/{memberId}/stored-value', middleware: officeReads('members'),
  summary: 'A member’s stored value: balance, bonus part, receivable and a page of the ledger, newest first; outside HQ only the entries made in the caller’s stores',
  request: { params: MemberIdParams, query: StoredValueEntriesQuery },
  responses: { 200: jsonResponse(MemberStoredValue, 'The account and a page of its entries'), ...commonErrors },
});

const receivablesRoute = storedValueRoute({
  method: 'get', path: '/stored-value/receivables', middleware: officeReads('members'),
  summary: 'Receivables of offline stored-value payments (应收储值), open or settled, newest first; outside HQ only those of sales in the caller’s stores',
  request: { query: StoredValueReceivablesQuery },
  responses: { 200: jsonResponse(StoredValueReceivableList, 'A page of receivables'), ...commonErrors },
});

const listRulesRoute = storedValueRoute({
  method: 'get', path: '/stored-value/top-up-rules', middleware: officeReads('members'),
  summary: 'The chain’s top-up bonus rules (充值赠送), active ones first',
  responses: { 200: jsonResponse(TopUpRuleList, 'The rules'), ...commonErrors },
});

const createRuleRoute = storedValueRoute({
  method: 'post', path: '/stored-value/top-up-rules', middleware: hqEdits('members'),
  summary: 'Add a top-up bonus rule, such as "top up 500, get 50" (HQ only)',
  request: { body: jsonBody(TopUpRuleBody) },
  responses: { 201: jsonResponse(TopUpRule, 'Added'), ...commonErrors },
});

const updateRuleRoute = storedValueRoute({
  method: 'put', path: '/stored-value/top-up-rules/{id}', middleware: hqEdits('members'),
  summary: 'Change a top-up bonus rule, or stop it with `active: false` (HQ only)',
  request: { params: IdParams, body: jsonBody(TopUpRuleBody) },
  responses: { 200: jsonResponse(TopUpRule, 'Saved'), ...commonErrors },
});

const adjustRoute = storedValueRoute({
  method: 'post', path: '/stored-value/adjustments', middleware: hqEdits('members'),
  summary: 'Correct an account’s stored value (调账) with a reason (HQ only); above the chain’s threshold it waits for a second person’s approval',
  request: { body: jsonBody(StoredValueAdjustmentBody) },
  responses: { 201: jsonResponse(StoredValueAdjustment, 'Posted (`approved`) or waiting (`pending`)'), ...commonErrors, 409: jsonResponse(ErrorBody, 'The account holds less than the adjustment takes') },
});

const listAdjustmentsRoute = storedValueRoute({
  method: 'get', path: '/stored-value/adjustments', middleware: [authenticate('office'), requireModule('members', 'view'), requireRole('hq_admin')] as const,
  summary: 'The chain’s adjustments (调账), newest first, by status and member, with who asked and who decided (HQ only)',
  request: { query: StoredValueAdjustmentsQuery },
  responses: { 200: jsonResponse(StoredValueAdjustmentList, 'A page of adjustments'), ...commonErrors },
});

/** The second person is any HQ user who sees members, finance included: approving money is their check on the one who asked. */
const decideRoute = (decision: 'approve' | 'reject') => storedValueRoute({
  method: 'post', path: `/stored-value/adjustments/{id}/${decision}`,
  middleware: [authenticate('office'), requireModule('members', 'view'), requireRole('hq_admin')],
  summary: decision === 'approve' ? 'Approve a pending adjustment and post it (a second HQ user, not the one who asked)' : 'Reject a pending adjustment (a second HQ user, not the one who asked)',
  request: { params: IdParams },
  responses: { 200: jsonResponse(StoredValueAdjustment, decision === 'approve' ? 'Approved and posted' : 'Rejected'), ...commonErrors, 409: jsonResponse(ErrorBody, 'Already decided, or the account holds less than it takes') },
});

const settingsRoute = storedValueRoute({
  method: 'get', path: '/settings/membership', middleware: officeReads('settings'),
  summary: 'The chain’s membership settings: bonus money first or last, card PIN lock-out, the adjustment approval threshold, offline allowances, cancellation',
  responses: { 200: jsonResponse(MembershipSettings, 'The chain’s settings, or the defaults'), ...commonErrors },
});

const saveSettingsRoute = storedValueRoute({
  method: 'put', path: '/settings/membership', middleware: hqEdits('settings'),
  summary: 'Set the chain’s membership settings (HQ only, audited)',
  request: { body: jsonBody(MembershipSettings) },
  responses: { 200: jsonResponse(MembershipSettings, 'Saved'), ...commonErrors },
});

export const storedValueOfficeRoutes = new OpenAPIHono<AppEnv>()
  .openapi(memberRoute, async (c) => c.json(await readMemberStoredValue(c.var.deps.db, officePrincipal(c.var.principal), c.req.valid('param').memberId, c.req.valid('query')), 200))
  .openapi(receivablesRoute, async (c) => c.json(await listStoredValueReceivables(c.var.deps.db, officePrincipal(c.var.principal), c.req.valid('query')), 200))
  .openapi(listRulesRoute, async (c) => c.json(await listTopUpRules(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(createRuleRoute, async (c) => c.json(await createTopUpRule(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateRuleRoute, async (c) => c.json(await updateTopUpRule(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(listAdjustmentsRoute, async (c) => c.json(await listAdjustments(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(adjustRoute, async (c) => c.json(await requestAdjustment(c.var.deps, officePrincipal(c.var.principal), c.req.valid('json')), 201))
  .openapi(decideRoute('approve'), async (c) => c.json(await decideAdjustment(c.var.deps, officePrincipal(c.var.principal), c.req.valid('param').id, 'approve'), 200))
  .openapi(decideRoute('reject'), async (c) => c.json(await decideAdjustment(c.var.deps, officePrincipal(c.var.principal), c.req.valid('param').id, 'reject'), 200))
  .openapi(settingsRoute, async (c) => c.json(await loadMembershipSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(saveSettingsRoute, async (c) => c.json(await saveMembershipSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200));

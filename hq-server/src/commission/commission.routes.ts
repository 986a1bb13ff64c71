import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ClerkStatement, ClosePeriodBody, ClosePeriodResult, Counter, CounterBody, CounterList, CountersQuery, CommissionAdjustment, CommissionAdjustmentBody, CommissionDutyDay, CommissionDutyQuery, CommissionTargets, CommissionTargetsQuery, CommissionPeriodOverview, CommissionPlan, CommissionPlanBody, CommissionPlanList, CommissionSettings, Locale, MyMonth, MyMonthBody, PeriodClerkParams, XLSX_CONTENT_TYPE, PeriodParams, PeriodScopeQuery,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { AppError } from '../http/errors';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { clerkStatement } from './clerk-statement.service';
import { periodWorkbook, statementWorkbook } from './commission-export';
import { closeCommissionPeriod, workCommissionPeriod } from './commission-periods.service';
import { periodOverview, storesAsked } from './commission-overview.service';
import { createPlan, deletePlan, listPlans, updatePlan } from './commission-plans.service';
import { createCounter, listCounters, updateCounter } from './counters.service';
import { myMonth } from './my-month.service';
import { addAdjustment, loadDuty, loadTargets, saveDuty, saveTargets } from './targets-duty.service';
import { loadCommissionSettings, saveCommissionSettings } from './commission-settings.service';

const tags = ['commission'];

const settingsRoute = createRoute({
  method: 'get', path: '/commission/settings', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'The chain’s commission cycle (结算周期): the day of the month periods start on',
  responses: { 200: jsonResponse(CommissionSettings, 'The settings, or the defaults'), ...commonErrors },
});

const saveSettingsRoute = createRoute({
  method: 'put', path: '/commission/settings', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Set the cycle (HQ only, audited); refused once a period was closed under the current one',
  request: { body: jsonBody(CommissionSettings) },
  responses: { 200: jsonResponse(CommissionSettings, 'Saved'), ...commonErrors },
});

const plansRoute = createRoute({
  method: 'get', path: '/commission/plans', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'The versions of the chain’s commission plan (提成方案), oldest first',
  responses: { 200: jsonResponse(CommissionPlanList, 'The versions'), ...commonErrors },
});

const createPlanRoute = createRoute({
  method: 'post', path: '/commission/plans', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Add a version of the plan over days no other version covers and no closed period settled (HQ only, audited)',
  request: { body: jsonBody(CommissionPlanBody) },
  responses: { 201: jsonResponse(CommissionPlan, 'Added'), ...commonErrors },
});

const updatePlanRoute = createRoute({
  method: 'put', path: '/commission/plans/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Change a version (HQ only, audited); one in force on a settled day may only be given an end after it',
  request: { params: IdParams, body: jsonBody(CommissionPlanBody) },
  responses: { 200: jsonResponse(CommissionPlan, 'Changed'), ...commonErrors },
});

const deletePlanRoute = createRoute({
  method: 'delete', path: '/commission/plans/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Delete a version no closed period was paid by (HQ only, audited)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...commonErrors },
});

const overviewRoute = createRoute({
  method: 'get', path: '/commission/periods/{period}', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'A period’s commission over the caller’s stores (or one of them), as last worked out: per store, clerk and pool',
  request: { params: PeriodParams, query: PeriodScopeQuery },
  responses: { 200: jsonResponse(CommissionPeriodOverview, 'The period'), ...commonErrors },
});

const WorkResult = z.object({ worked: z.number().int(), unchanged: z.number().int() });

const workRoute = createRoute({
  method: 'post', path: '/commission/periods/{period}/work', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'Work the period out again from the sales ledger for the caller’s stores (or one): stores whose inputs did not change, and closed ones, stay as they are',
  request: { params: PeriodParams, query: PeriodScopeQuery },
  responses: { 200: jsonResponse(WorkResult, 'How many stores were worked out again'), ...commonErrors },
});

const statementRoute = createRoute({
  method: 'get', path: '/commission/periods/{period}/clerks/{clerkId}', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'A clerk’s statement for the period (营业员结算单): each line with the rule that paid it, returns, late sales, pools, adjustments, target and comparisons',
  request: { params: PeriodClerkParams },
  responses: { 200: jsonResponse(ClerkStatement, 'The statement'), ...commonErrors },
});

const ExportLang = z.object({ lang: Locale.optional() });
const xlsxFile = { 200: { description: 'The workbook', content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...commonErrors };

const exportRoute = createRoute({
  method: 'get', path: '/commission/periods/{period}/export', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'The period’s figures per clerk and pool as an .xlsx workbook, headers in `lang` (default en)',
  request: { params: PeriodParams, query: PeriodScopeQuery.extend(ExportLang.shape) },
  responses: xlsxFile,
});

const statementExportRoute = createRoute({
  method: 'get', path: '/commission/periods/{period}/clerks/{clerkId}/export', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'A clerk’s statement as an .xlsx workbook: summary, lines, returns, pool shares, adjustments',
  request: { params: PeriodClerkParams, query: ExportLang },
  responses: xlsxFile,
});

const targetsRoute = createRoute({
  method: 'get', path: '/commission/targets', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'A store’s monthly targets (销售目标) of its clerks and pools for a period',
  request: { query: CommissionTargetsQuery },
  responses: { 200: jsonResponse(CommissionTargets, 'The targets'), ...commonErrors },
});

const saveTargetsRoute = createRoute({
  method: 'put', path: '/commission/targets', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit')] as const,
  summary: 'Set a store’s targets for a period: those named are set, the others removed; refused once the period is closed there',
  request: { body: jsonBody(CommissionTargets) },
  responses: { 200: jsonResponse(CommissionTargets, 'Saved'), ...commonErrors },
});

const dutyRoute = createRoute({
  method: 'get', path: '/commission/duty', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'Who was on duty in a store’s pools on a day (出勤), with their minutes',
  request: { query: CommissionDutyQuery },
  responses: { 200: jsonResponse(CommissionDutyDay, 'The day'), ...commonErrors },
});

const saveDutyRoute = createRoute({
  method: 'put', path: '/commission/duty', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit')] as const,
  summary: 'Set who was on duty in a store’s pools on a day, replacing the day; refused once the day’s period is closed there',
  request: { body: jsonBody(CommissionDutyDay) },
  responses: { 200: jsonResponse(CommissionDutyDay, 'Saved'), ...commonErrors },
});

const myMonthRoute = createRoute({
  method: 'post', path: '/commission/my-month', tags, security: bearer, middleware: [authenticate('device')] as const,
  summary: 'The month so far of the clerk signed in on this till (我的业绩): their sales, target and commission, and nothing of anyone else',
  request: { body: jsonBody(MyMonthBody) },
  responses: { 200: jsonResponse(MyMonth, 'The clerk’s month'), ...commonErrors },
});

const adjustmentRoute = createRoute({
  method: 'post', path: '/commission/adjustments', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin', 'franchisee')] as const,
  summary: 'Adjust what a clerk or pool got in a closed period, into an open one with the reason (调整); the closed period stays as it closed',
  request: { body: jsonBody(CommissionAdjustmentBody) },
  responses: { 201: jsonResponse(CommissionAdjustment, 'Recorded; it counts from the next time the period is worked out'), ...commonErrors },
});

const countersRoute = createRoute({
  method: 'get', path: '/commission/counters', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'view')] as const,
  summary: 'A store’s counters (柜组) and the categories each sells',
  request: { query: CountersQuery },
  responses: { 200: jsonResponse(CounterList, 'The counters'), ...commonErrors },
});

const createCounterRoute = createRoute({
  method: 'post', path: '/commission/counters', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit')] as const,
  summary: 'Add a counter to a store: lines of its categories pay its pool',
  request: { body: jsonBody(CounterBody) },
  responses: { 201: jsonResponse(Counter, 'Added'), ...commonErrors },
});

const updateCounterRoute = createRoute({
  method: 'put', path: '/commission/counters/{id}', tags, security: bearer, middleware: [authenticate('office'), requireModule('commission', 'edit')] as const,
  summary: 'Change a counter’s name, categories or whether it is in use; it stays at its store',
  request: { params: IdParams, body: jsonBody(CounterBody) },
  responses: { 200: jsonResponse(Counter, 'Changed'), ...commonErrors },
});

const closeRoute = createRoute({
  method: 'post', path: '/commission/periods/{period}/close', tags, security: bearer,
  middleware: [authenticate('office'), requireModule('commission', 'edit'), requireRole('hq_admin', 'franchisee')] as const,
  summary: 'Close the period for stores (营业员结算) once it has ended in each: the figures are worked out a last time and fixed. A franchisee closes their own stores; HQ any',
  request: { params: PeriodParams, body: jsonBody(ClosePeriodBody) },
  responses: { 200: jsonResponse(ClosePeriodResult, 'How many stores were closed now'), ...commonErrors },
});

export const commissionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(settingsRoute, async (c) => c.json(await loadCommissionSettings(c.var.deps.db, c.var.principal.chainId), 200))
  .openapi(saveSettingsRoute, async (c) => c.json(await saveCommissionSettings(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(plansRoute, async (c) => c.json({ items: await listPlans(c.var.deps.db, c.var.principal.chainId) }, 200))
  .openapi(createPlanRoute, async (c) => c.json(await createPlan(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updatePlanRoute, async (c) => c.json(await updatePlan(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deletePlanRoute, async (c) => {
    await deletePlan(c.var.deps, c.var.principal, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(overviewRoute, async (c) => c.json(await periodOverview(c.var.deps.db, c.var.principal, c.req.valid('param').period, c.req.valid('query').storeId), 200))
  .openapi(workRoute, async (c) => {
    const stores = await storesAsked(c.var.deps.db, c.var.principal, c.req.valid('query').storeId);
    return c.json(await workCommissionPeriod(c.var.deps, c.var.principal.chainId, stores, c.req.valid('param').period), 200);
  })
  .openapi(statementRoute, async (c) => c.json(await clerkStatement(c.var.deps.db, c.var.principal, c.req.valid('param').period, c.req.valid('param').clerkId), 200))
  .openapi(exportRoute, async (c) => {
    const { period } = c.req.valid('param');
    const { storeId, lang } = c.req.valid('query');
    const book = await periodWorkbook(await periodOverview(c.var.deps.db, c.var.principal, period, storeId), lang ?? 'en');
    return c.body(book, 200, { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="commission-${period}.xlsx"` });
  })
  .openapi(statementExportRoute, async (c) => {
    const { period, clerkId } = c.req.valid('param');
    const statement = await clerkStatement(c.var.deps.db, c.var.principal, period, clerkId);
    const book = await statementWorkbook(statement, c.req.valid('query').lang ?? 'en');
    return c.body(book, 200, { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="commission-${period}-${statement.clerk.code}.xlsx"` });
  })
  .openapi(targetsRoute, async (c) => c.json(await loadTargets(c.var.deps.db, c.var.principal, c.req.valid('query').period, c.req.valid('query').storeId), 200))
  .openapi(saveTargetsRoute, async (c) => c.json(await saveTargets(c.var.deps.db, c.var.principal, c.req.valid('json')), 200))
  .openapi(dutyRoute, async (c) => c.json(await loadDuty(c.var.deps.db, c.var.principal, c.req.valid('query').storeId, c.req.valid('query').date), 200))
  .openapi(saveDutyRoute, async (c) => c.json(await saveDuty(c.var.deps.db, c.var.principal, c.req.valid('json')), 200))
  .openapi(myMonthRoute, async (c) => {
    const principal = c.var.principal;
    if (principal.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is for tills');
    return c.json(await myMonth(c.var.deps, principal, c.req.valid('json').clerkToken), 200);
  })
  .openapi(adjustmentRoute, async (c) => c.json(await addAdjustment(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(countersRoute, async (c) => c.json({ items: await listCounters(c.var.deps.db, c.var.principal, c.req.valid('query').storeId) }, 200))
  .openapi(createCounterRoute, async (c) => c.json(await createCounter(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(updateCounterRoute, async (c) => c.json(await updateCounter(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(closeRoute, async (c) => {
    const principal = officePrincipal(c.var.principal);
    const asked = c.req.valid('json').storeIds;
    const visible = await storesAsked(c.var.deps.db, principal, undefined);
    // A store out of the caller's scope is as unknown as one that does not exist.
    const stores = asked.map((id) => {
      const store = visible.find((s) => s.id === id);
      if (!store) throw new AppError('NOT_FOUND', 'no such store');
      return store;
    });
    return c.json(await closeCommissionPeriod(c.var.deps, principal.chainId, stores, c.req.valid('param').period, principal.userId), 200);
  });

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AnalysedMemberExport, AnalysedMemberList, AnalysedMemberQuery, MemberAnalysis, MemberAnalysisQuery, MemberCampaign, MemberCampaignResult } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { sendMemberCampaign } from '../member-messages/campaigns';
import { analysedMembersCsv, analysedMembersWorkbook } from './member-analysis-export';
import { analysedMemberPage, analysedMembersToExport, memberAnalysis } from './member-analysis.service';
import { reportFileResponses, sendReportFile } from './report-file';
import { reportsDb } from './reports-db';

const scopeNote = 'HQ asking for the whole chain sees every active member, those who never bought included; anyone else, or HQ narrowed to a store, region or '
  + 'franchisee, sees the members who bought in those stores by what they bought there.';

const analysisRoute = createRoute({
  method: 'get', path: '/reports/member-analysis', tags: ['reports'], security: bearer,
  summary: 'Member analysis (会员分析): A/B/C value classes by spend, RFM scores and lifecycle states (new, active, lapsing, lost, never bought) over a period',
  description: scopeNote,
  middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  request: { query: MemberAnalysisQuery },
  responses: { 200: jsonResponse(MemberAnalysis, 'The analysis'), ...commonErrors },
});

const membersRoute = createRoute({
  method: 'get', path: '/reports/member-analysis/members', tags: ['reports'], security: bearer,
  summary: 'The analysed members, filtered by class, lifecycle and RFM scores, a page at a time; phones masked',
  description: scopeNote,
  middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  request: { query: AnalysedMemberQuery },
  responses: { 200: jsonResponse(AnalysedMemberList, 'A page of members and how many the filters keep'), ...commonErrors },
});

const exportRoute = createRoute({
  method: 'post', path: '/reports/member-analysis/export', tags: ['reports'], security: bearer,
  summary: 'Every analysed member the filters keep as .xlsx or CSV, phones masked, with whether each consented to messages; counted against the daily exports the caller’s role allows (报表打印权限)',
  middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  request: { body: jsonBody(AnalysedMemberExport) },
  responses: reportFileResponses,
});

const campaignRoute = createRoute({
  method: 'post', path: '/reports/member-analysis/messages', tags: ['reports'], security: bearer,
  summary: 'Queues HQ’s message (群发) to every analysed member the filters keep who consented and has a mobile number; the same campaign id sent again queues nothing twice',
  middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  request: { body: jsonBody(MemberCampaign) },
  responses: { 201: jsonResponse(MemberCampaignResult, 'How many were queued now, earlier, or could not be written to'), ...commonErrors },
});

export const memberAnalysisRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analysisRoute, async (c) => c.json(await memberAnalysis(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(membersRoute, async (c) => c.json(await analysedMemberPage(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { query, format, language } = c.req.valid('json');
    const members = await analysedMembersToExport(reportsDb(c.var.deps), c.var.principal, query);
    return sendReportFile(c, 'member_analysis', format, `members-${query.from}-${query.to}`, { csv: () => analysedMembersCsv(members, language), xlsx: () => analysedMembersWorkbook(members, language) });
  })
  .openapi(campaignRoute, async (c) => {
    const { deps } = c.var;
    return c.json(await sendMemberCampaign({ db: deps.db, reportsDb: reportsDb(deps), clock: deps.clock }, officePrincipal(c.var.principal), c.req.valid('json')), 201);
  });

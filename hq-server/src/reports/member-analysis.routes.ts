import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { AnalysedMemberExport, AnalysedMemberList, AnalysedMemberQuery, MemberAnalysis, MemberAnalysisQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
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

export const memberAnalysisRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analysisRoute, async (c) => c.json(await memberAnalysis(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(membersRoute, async (c) => c.json(await analysedMemberPage(reportsDb(c.var.deps), c.var.principal, c.req.valid('query')), 200))
  .openapi(exportRoute, async (c) => {
    const { query, format, language } = c.req.valid('json');
    const members = await analysedMembersToExport(reportsDb(c.var.deps), c.var.principal, query);
    return sendReportFile(c, 'member_analysis', format, `members-${query.from}-${query.to}`, { csv: () => analysedMembersCsv(members, language), xlsx: () => analysedMembersWorkbook(members, language) });
  });

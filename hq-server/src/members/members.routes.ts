import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { EnrolMemberBody, ErrorBody, FoundMember, MemberList, MemberLookupQuery, MemberRecord, MemberSearchQuery } from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { callerKey, rateLimit } from '../http/rate-limit';
import { requireRole } from '../http/require-role';
import { enrolMember, lookupMember, searchMembers } from './members.service';

/**
 * A look-up or a search answers for a whole mobile number, so trying the 10,000 middles of a
 * masked one must take days: at most 30 a minute and 300 an hour per till or office user.
 */
const memberQueryLimits = () => [
  rateLimit({ limit: 30, windowMs: 60_000, key: callerKey }),
  rateLimit({ limit: 300, windowMs: 3_600_000, key: callerKey }),
] as const;

const lookupRoute = createRoute({
  method: 'get', path: '/members/lookup', tags: ['members'], security: bearer,
  middleware: [authenticate('device', 'office'), requireModule('members', 'view'), ...memberQueryLimits()] as const,
  summary: 'The active member of the caller’s chain with this card number, else this mobile number (a till prices the basket for them)',
  description: '`code` is a card number (6 to 19 digits) or a mainland mobile number (11 digits starting with 1); spaces, dashes and a leading +86 are ignored. The phone comes back masked.',
  request: { query: MemberLookupQuery },
  responses: {
    200: jsonResponse(FoundMember, 'The member'), ...commonErrors,
    429: jsonResponse(ErrorBody, 'Too many look-ups'),
  },
});

const searchRoute = createRoute({
  method: 'get', path: '/members', tags: ['members'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'view'), ...memberQueryLimits()] as const,
  summary: 'Search the chain’s members by card number (prefix), mobile number (whole, or its last four digits) or name, a page at a time',
  request: { query: MemberSearchQuery },
  responses: { 200: jsonResponse(MemberList, 'Members by card number, and how many match'), ...commonErrors, 429: jsonResponse(ErrorBody, 'Too many searches') },
});

const enrolRoute = createRoute({
  method: 'post', path: '/members', tags: ['members'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Enrol a member at a member level (HQ only)',
  request: { body: jsonBody(EnrolMemberBody) },
  responses: { 201: jsonResponse(MemberRecord, 'Enrolled'), ...commonErrors, 409: jsonResponse(ErrorBody, 'The card, or an active member’s mobile number, is taken') },
});

export const membersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(lookupRoute, async (c) => c.json(await lookupMember(c.var.deps.db, c.var.principal.chainId, c.req.valid('query').code), 200))
  .openapi(searchRoute, async (c) => c.json(await searchMembers(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(enrolRoute, async (c) => c.json(await enrolMember(c.var.deps, c.var.principal, c.req.valid('json')), 201));

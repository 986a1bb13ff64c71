import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  AttachChildBody, ChildLimits, DuplicateList, DuplicatesQuery, EnrolMemberBody, ErrorBody, FoundMember, MemberDetail, MemberList, MemberLookupQuery, MemberRecord,
  MemberSearchQuery, MergeMemberBody, UpdateMemberBody,
} from '@pos/shared';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { requireModule } from '../http/require-module';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { callerKey, rateLimit } from '../http/rate-limit';
import { requireRole } from '../http/require-role';
import { renewMembership } from './level-job';
import { loadMemberDetail } from './member-detail';
import { attachChild, detachChild, findDuplicates, mergeMember, setChildLimits } from './member-family.service';
import { enrolMember, lookupMember, searchMembers, updateMember } from './members.service';

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
  description: '`code` is a card number (6 to 19 digits, the last its Luhn check digit) or a mainland mobile number (11 digits starting with 1); spaces, dashes and a leading +86 are ignored. Only an active card finds its member; a lost one answers 423 `CARD_LOST`. The phone comes back masked.',
  request: { query: MemberLookupQuery },
  responses: {
    200: jsonResponse(FoundMember, 'The member'), ...commonErrors,
    423: jsonResponse(ErrorBody, 'The card was reported lost (`CARD_LOST`)'),
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
  summary: 'Enrol a member at a member level with an active card: the number given, or the chain’s next (HQ only)',
  request: { body: jsonBody(EnrolMemberBody) },
  responses: { 201: jsonResponse(MemberRecord, 'Enrolled'), ...commonErrors, 409: jsonResponse(ErrorBody, 'The card, or an active member’s mobile number, is taken') },
});

const conflict = (description: string) => ({ 409: jsonResponse(ErrorBody, description) });
const view = () => [authenticate('office'), requireModule('members', 'view')];
const edit = (...roles: Parameters<typeof requireRole>) => [authenticate('office'), requireModule('members', 'edit'), requireRole(...roles)];

const duplicatesRoute = createRoute({
  method: 'get', path: '/members/duplicates', tags: ['members'], security: bearer, middleware: view(),
  summary: 'Members that look like one person (查重): the same mobile number, or the same name and birthday',
  request: { query: DuplicatesQuery },
  responses: { 200: jsonResponse(DuplicateList, 'Groups of look-alike members'), ...commonErrors },
});

const detailRoute = createRoute({
  method: 'get', path: '/members/{id}', tags: ['members'], security: bearer, middleware: view(),
  summary: 'A member’s page: profile, level, cards, the account’s balance, bonus, points and receivable, parent or children, and recent purchases in the caller’s stores',
  request: { params: IdParams },
  responses: { 200: jsonResponse(MemberDetail, 'The member'), ...commonErrors },
});

const updateRoute = createRoute({
  method: 'patch', path: '/members/{id}', tags: ['members'], security: bearer, middleware: edit('hq_admin', 'franchisee', 'store_manager'),
  summary: 'Change a member’s profile: name, mobile, birthday, gender, consent to messages, tags, level',
  request: { params: IdParams, body: jsonBody(UpdateMemberBody) },
  responses: { 200: jsonResponse(MemberDetail, 'The member'), ...commonErrors, ...conflict('The mobile number is another active member’s, or the member was merged') },
});

const attachRoute = createRoute({
  method: 'put', path: '/members/{id}/parent', tags: ['members'], security: bearer, middleware: edit('hq_admin'),
  summary: 'Make the member a child card (附卡) of a parent, sharing the parent’s account within per-transaction and per-day limits; the member’s own account must be empty',
  request: { params: IdParams, body: jsonBody(AttachChildBody) },
  responses: { 200: jsonResponse(MemberDetail, 'The child'), ...commonErrors, ...conflict('Not allowed: own account not empty, already a child, the parent a child, or not active') },
});

const limitsRoute = createRoute({
  method: 'put', path: '/members/{id}/limits', tags: ['members'], security: bearer, middleware: edit('hq_admin', 'franchisee', 'store_manager'),
  summary: 'Set a child card’s limits per transaction and per business day (null: none)',
  request: { params: IdParams, body: jsonBody(ChildLimits) },
  responses: { 200: jsonResponse(MemberDetail, 'The child'), ...commonErrors, ...conflict('The member is not a child card') },
});

const detachRoute = createRoute({
  method: 'delete', path: '/members/{id}/parent', tags: ['members'], security: bearer, middleware: edit('hq_admin'),
  summary: 'Detach a child card: the member goes back to their own account',
  request: { params: IdParams },
  responses: { 200: jsonResponse(MemberDetail, 'The member'), ...commonErrors, ...conflict('The member is not a child card') },
});

const mergeRoute = createRoute({
  method: 'post', path: '/members/{id}/merge', tags: ['members'], security: bearer, middleware: edit('hq_admin'),
  summary: 'Merge this duplicate member into another (合并): stored value, points, cards and child cards move; the duplicate is left inactive',
  request: { params: IdParams, body: jsonBody(MergeMemberBody) },
  responses: { 200: jsonResponse(MemberDetail, 'The member merged into'), ...commonErrors, ...conflict('Into itself, into an inactive or merged member, a child card, or a receivable owed') },
});

const renewalRoute = createRoute({
  method: 'post', path: '/members/{id}/renewal', tags: ['members'], security: bearer, middleware: edit('hq_admin', 'franchisee', 'store_manager'),
  summary: 'Renew a paid membership (续费) by the level’s period',
  request: { params: IdParams },
  responses: { 200: jsonResponse(MemberDetail, 'The member with the new paid-until date'), ...commonErrors, ...conflict('The member’s level is not sold, or the member is not active') },
});

export const membersRoutes = new OpenAPIHono<AppEnv>()
  .openapi(lookupRoute, async (c) => c.json(await lookupMember(c.var.deps.db, c.var.principal.chainId, c.req.valid('query').code), 200))
  .openapi(searchRoute, async (c) => c.json(await searchMembers(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(enrolRoute, async (c) => c.json(await enrolMember(c.var.deps, c.var.principal, c.req.valid('json')), 201))
  .openapi(duplicatesRoute, async (c) => c.json(await findDuplicates(c.var.deps.db, c.var.principal.chainId, c.req.valid('query')), 200))
  .openapi(detailRoute, async (c) => c.json(await loadMemberDetail(c.var.deps.db, c.var.principal, c.req.valid('param').id, c.var.deps.clock()), 200))
  .openapi(updateRoute, async (c) => c.json(await updateMember(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(attachRoute, async (c) => c.json(await attachChild(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(limitsRoute, async (c) => c.json(await setChildLimits(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(detachRoute, async (c) => c.json(await detachChild(c.var.deps, c.var.principal, c.req.valid('param').id), 200))
  .openapi(mergeRoute, async (c) => c.json(await mergeMember(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json').intoMemberId), 200))
  .openapi(renewalRoute, async (c) => c.json(await renewMembership(c.var.deps, c.var.principal, c.req.valid('param').id), 200));

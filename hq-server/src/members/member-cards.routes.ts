import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CancelCardBody, CancelCardResult, CardParams, CardPinBody, ErrorBody, IssueCardBody, MemberCard, MemberDetail, ReplaceLostCardBody, ReportCardLostBody, type UserRole } from '@pos/shared';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { AppError } from '../http/errors';
import { bearer, commonErrors, IdParams, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { requireRole } from '../http/require-role';
import { activateCard, cancelCard, issueCard, replaceCard, replaceLostCard, reportCardLost, setCardPin } from './member-cards.service';

/** Who works a member's cards at the office: HQ, and a store's owner or manager at the counter. */
const cardRoles: UserRole[] = ['hq_admin', 'franchisee', 'store_manager'];

const officeCardWork = () => [authenticate('office'), requireModule('members', 'edit'), requireRole(...cardRoles)];

/** A till (its clerk's key decided on the till) or an office user of `roles`. */
const tillOrOfficeRole = (...roles: UserRole[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (principal.kind === 'office' && !roles.includes(principal.role)) throw new AppError('FORBIDDEN', `only a till or ${roles.join(' or ')} may do this`);
    await next();
  });

const conflict = (description: string) => ({ 409: jsonResponse(ErrorBody, description) });

const issueRoute = createRoute({
  method: 'post', path: '/members/{id}/cards', tags: ['members'], security: bearer, middleware: officeCardWork(),
  summary: 'Issue a new card to a member (发卡): the number given (a pre-printed card) or the chain’s next; it is usable once activated',
  request: { params: IdParams, body: jsonBody(IssueCardBody) },
  responses: { 201: jsonResponse(MemberDetail, 'The member with the new card'), ...commonErrors, ...conflict('The number is taken, or the member is no longer active') },
});

const activateRoute = createRoute({
  method: 'post', path: '/members/cards/{cardId}/activate', tags: ['members'], security: bearer, middleware: officeCardWork(),
  summary: 'Activate an issued card; a member has one active card, so one who holds one replaces it instead',
  request: { params: CardParams },
  responses: { 200: jsonResponse(MemberDetail, 'The member'), ...commonErrors, ...conflict('The card is not an issued one, or the member already has an active card') },
});

const lostRoute = createRoute({
  method: 'post', path: '/members/cards/lost', tags: ['members'], security: bearer,
  middleware: [authenticate('device', 'office'), requireModule('members', 'edit'), tillOrOfficeRole(...cardRoles)] as const,
  summary: 'Report a card lost (挂失): every till refuses it from now on. A till may call it under its clerk’s key',
  request: { body: jsonBody(ReportCardLostBody) },
  responses: { 200: jsonResponse(MemberCard, 'The card, now lost'), ...commonErrors, ...conflict('The card is already lost, replaced or cancelled') },
});

const replaceRoute = createRoute({
  method: 'post', path: '/members/cards/{cardId}/replace', tags: ['members'], security: bearer, middleware: officeCardWork(),
  summary: 'Replace a card (补卡): a new active card for the member, the old one blocked for good; balance, points and level stay with the member',
  request: { params: CardParams, body: jsonBody(IssueCardBody) },
  responses: { 200: jsonResponse(MemberDetail, 'The member with the new card'), ...commonErrors, ...conflict('The card cannot be replaced, or the new number is taken') },
});

const replaceLostRoute = createRoute({
  method: 'post', path: '/members/cards/replacement', tags: ['members'], security: bearer,
  middleware: [authenticate('device', 'office'), requireModule('members', 'edit'), tillOrOfficeRole(...cardRoles)] as const,
  summary: 'Replace a card at the counter (补卡) by its number and the new card’s: the new card is active at once, the old one blocked for good. A till may call it under its clerk’s key',
  request: { body: jsonBody(ReplaceLostCardBody) },
  responses: { 200: jsonResponse(MemberCard, 'The new card'), ...commonErrors, ...conflict('The card cannot be replaced (only an active or lost card can), or the new number is taken') },
});

const cancelRoute = createRoute({
  method: 'post', path: '/members/cards/{cardId}/cancel', tags: ['members'], security: bearer, middleware: officeCardWork(),
  summary: 'Cancel a card (注销), for good; the active card ends the membership and its stored value is refunded by the tender chosen or forfeited by the chain’s policy',
  request: { params: CardParams, body: jsonBody(CancelCardBody) },
  responses: { 200: jsonResponse(CancelCardResult, 'What was cancelled and where the balance went'), ...commonErrors, ...conflict('The card is final already, the member has child cards, or the account owes a receivable') },
});

const pinRoute = createRoute({
  method: 'post', path: '/members/cards/{cardId}/pin', tags: ['members'], security: bearer, middleware: officeCardWork(),
  summary: 'Set, change or (with null) clear the card’s stored-value PIN; wrong tries and a lock-out start afresh',
  request: { params: CardParams, body: jsonBody(CardPinBody) },
  responses: { 200: jsonResponse(MemberCard, 'The card'), ...commonErrors, ...conflict('The card is lost, replaced or cancelled') },
});

export const memberCardsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(lostRoute, async (c) => c.json(await reportCardLost(c.var.deps, c.var.principal, c.req.valid('json').cardNo), 200))
  .openapi(issueRoute, async (c) => c.json(await issueCard(c.var.deps, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(activateRoute, async (c) => c.json(await activateCard(c.var.deps, c.var.principal, c.req.valid('param').cardId), 200))
  .openapi(replaceLostRoute, async (c) => c.json(await replaceLostCard(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(replaceRoute, async (c) => c.json(await replaceCard(c.var.deps, c.var.principal, c.req.valid('param').cardId, c.req.valid('json')), 200))
  .openapi(cancelRoute, async (c) => c.json(await cancelCard(c.var.deps, c.var.principal, c.req.valid('param').cardId, c.req.valid('json')), 200))
  .openapi(pinRoute, async (c) => c.json(await setCardPin(c.var.deps, c.var.principal, c.req.valid('param').cardId, c.req.valid('json')), 200));

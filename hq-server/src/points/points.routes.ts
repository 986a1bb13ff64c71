import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, GiftRedemption, GiftRedemptionBody, MemberPoints, MemberPointsParams, MemberPointsQuery, PaymentIdParams, PointsBalance, PointsBalanceQuery, PointsRedemption, RedeemPointsBody } from '@pos/shared';
import type { AppEnv, DevicePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { AppError } from '../http/errors';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { requireModule } from '../http/require-module';
import { officePrincipal, requireRole } from '../http/require-role';
import { readCardPoints, readMemberPoints } from './points-read.service';
import { redeemForGift, redeemPoints, reverseRedemption } from './redemptions.service';

const devicePrincipal = (principal: AppEnv['Variables']['principal']): DevicePrincipal => {
  if (principal.kind !== 'device') throw new AppError('FORBIDDEN', 'this endpoint is for till devices');
  return principal;
};

const cardErrors = { 409: jsonResponse(ErrorBody, '`CARD_BLOCKED` (the card is lost, replaced, cancelled or not active), `INSUFFICIENT_POINTS`, or the payment id or sale already used otherwise') };

const redeemRoute = createRoute({
  method: 'post', path: '/points/redemptions', tags: ['points'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'Pay part of a sale with points (积分抵现): debit the card’s pool, never below zero; the payment id makes a retry answer the first redemption',
  request: { body: jsonBody(RedeemPointsBody) },
  responses: { 200: jsonResponse(PointsRedemption, 'Redeemed (or redeemed before), with what the points take off'), ...commonErrors, ...cardErrors },
});

const reverseRoute = createRoute({
  method: 'post', path: '/points/redemptions/{paymentId}/reversal', tags: ['points'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'Give back the points of a sale abandoned before completion (idempotent); refused once the sale is at HQ',
  request: { params: PaymentIdParams },
  responses: { 200: jsonResponse(PointsRedemption, 'Reversed (or reversed before)'), ...commonErrors, 409: jsonResponse(ErrorBody, 'The sale is at HQ: a return gives the points back') },
});

const balanceRoute = createRoute({
  method: 'get', path: '/points/balance', tags: ['points'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'The points of an active card’s pool and what they can take off (积分查询)',
  request: { query: PointsBalanceQuery },
  responses: { 200: jsonResponse(PointsBalance, 'The pool'), ...commonErrors, 409: jsonResponse(ErrorBody, '`CARD_BLOCKED`') },
});

const giftRoute = createRoute({
  method: 'post', path: '/points/gift-redemptions', tags: ['points'], security: bearer,
  middleware: [authenticate('office'), requireModule('members', 'edit'), requireRole('hq_admin')] as const,
  summary: 'Exchange a member’s points for a gift (积分换礼), audited (HQ only)',
  request: { body: jsonBody(GiftRedemptionBody) },
  responses: { 201: jsonResponse(GiftRedemption, 'Exchanged'), ...commonErrors, 409: jsonResponse(ErrorBody, '`INSUFFICIENT_POINTS`, or the member is not active') },
});

const memberPointsRoute = createRoute({
  method: 'get', path: '/members/{memberId}/points', tags: ['points'], security: bearer, middleware: [authenticate('office'), requireModule('members', 'view')] as const,
  summary: 'A member’s points pool: the balance, its entries newest first (outside HQ, only those of the caller’s stores and of no store), and the points about to lapse by day',
  request: { params: MemberPointsParams, query: MemberPointsQuery },
  responses: { 200: jsonResponse(MemberPoints, 'The pool'), ...commonErrors },
});

export const pointsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(redeemRoute, async (c) => c.json(await redeemPoints(c.var.deps, devicePrincipal(c.var.principal), c.req.valid('json')), 200))
  .openapi(reverseRoute, async (c) => c.json(await reverseRedemption(c.var.deps, devicePrincipal(c.var.principal), c.req.valid('param').paymentId), 200))
  .openapi(balanceRoute, async (c) => c.json(await readCardPoints(c.var.deps.db, devicePrincipal(c.var.principal), c.req.valid('query').cardNo), 200))
  .openapi(giftRoute, async (c) => c.json(await redeemForGift(c.var.deps, officePrincipal(c.var.principal), c.req.valid('json')), 201))
  .openapi(memberPointsRoute, async (c) => c.json(await readMemberPoints(c.var.deps.db, officePrincipal(c.var.principal), c.req.valid('param').memberId, c.req.valid('query')), 200));

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { CardBalance, CardBalanceQuery, ErrorBody, PaymentIdParams, RefundBody, SpendBody, StoredValueMovement, TopUpBody, TopUpResult } from '@pos/shared';
import type { AppEnv, DevicePrincipal } from '../http/app-env';
import { authenticate } from '../http/authenticate';
import { bearer, commonErrors, jsonBody, jsonResponse } from '../http/openapi-helpers';
import { callerKey, rateLimit } from '../http/rate-limit';
import { requireModule } from '../http/require-module';
import { refundStoredValue } from './refunds.service';
import { reverseSpend, spendStoredValue } from './spends.service';
import { readCardBalance } from './stored-value-reads.service';
import { topUpStoredValue } from './top-ups.service';

const refused = (description: string) => ({ 409: jsonResponse(ErrorBody, description) });
const cardStates = 'a card lost, replaced, cancelled or not activated (`CARD_LOST`, `CARD_REPLACED`, `CARD_CANCELLED`, `CARD_NOT_ACTIVE`) or an account owing a receivable (`ACCOUNT_BLOCKED`)';

const spendRoute = createRoute({
  method: 'post', path: '/stored-value/spends', tags: ['stored-value'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'Take stored value from a card for a sale being paid (储值消费): a debit that never goes below zero, once per payment id',
  description: 'A retry with the same `paymentId`, card, amount and sale answers the first spend; the same `paymentId` with other figures is 409 `CONFLICT`. A card with a PIN needs `pin` (422 `CARD_PIN_REQUIRED` / `CARD_PIN_WRONG`, 423 `CARD_PIN_LOCKED`). A child card is held to its limits (409 `CHILD_LIMIT_EXCEEDED`).',
  request: { body: jsonBody(SpendBody) },
  responses: {
    200: jsonResponse(StoredValueMovement, 'Taken (or taken before, for a retry)'), ...commonErrors,
    ...refused(`Not enough stored value (\`INSUFFICIENT_BALANCE\`, with \`details.availableMinor\`), ${cardStates}, a child limit, or a payment id used for other figures`),
    422: jsonResponse(ErrorBody, 'The card needs its PIN, or the PIN is wrong'), 423: jsonResponse(ErrorBody, 'The card refuses PINs for a while'),
  },
});

const reversalRoute = createRoute({
  method: 'post', path: '/stored-value/spends/{paymentId}/reversal', tags: ['stored-value'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'Give back a spend of this store whose sale was abandoned before it completed (冲正), once',
  request: { params: PaymentIdParams },
  responses: { 200: jsonResponse(StoredValueMovement, 'Given back (or given back before)'), ...commonErrors, ...refused('The sale with this payment reached HQ (`PAYMENT_CAPTURED`): refund it instead') },
});

const refundRoute = createRoute({
  method: 'post', path: '/stored-value/refunds', tags: ['stored-value'], security: bearer, middleware: [authenticate('device')] as const,
  summary: 'Give stored value back for goods returned, to the account the original payment took it from, once per refund id',
  request: { body: jsonBody(RefundBody) },
  responses: { 200: jsonResponse(StoredValueMovement, 'Refunded (or refunded before)'), ...commonErrors, ...refused('More than is left of the payment (`REFUND_EXCEEDS_SPEND`), a reversed payment, or a refund id used for other figures') },
});

const topUpRoute = createRoute({
  method: 'post', path: '/stored-value/top-ups', tags: ['stored-value'], security: bearer, middleware: [authenticate('device', 'office'), requireModule('members', 'edit')] as const,
  summary: 'Top up a card (会员充值) paid by cash or bank card, with the bonus of the best top-up rule of the day; once per payment id',
  description: 'Tills top up at their store; from the office, HQ only (audited). The answer carries the top-up slip’s figures.',
  request: { body: jsonBody(TopUpBody) },
  responses: { 200: jsonResponse(TopUpResult, 'Topped up (or topped up before)'), ...commonErrors, ...refused(`${cardStates}, or a payment id used for other figures`) },
});

const balanceRoute = createRoute({
  method: 'get', path: '/stored-value/balance', tags: ['stored-value'], security: bearer,
  middleware: [authenticate('device'), rateLimit({ limit: 30, windowMs: 60_000, key: callerKey })] as const,
  summary: 'Balance enquiry at the till (余额查询): what a usable card holds and whether it pays with a PIN',
  request: { query: CardBalanceQuery },
  responses: { 200: jsonResponse(CardBalance, 'The card’s balance'), ...commonErrors, ...refused(cardStates), 429: jsonResponse(ErrorBody, 'Too many enquiries') },
});

export const storedValueRoutes = new OpenAPIHono<AppEnv>()
  .openapi(spendRoute, async (c) => c.json(await spendStoredValue(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('json')), 200))
  .openapi(reversalRoute, async (c) => c.json(await reverseSpend(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('param').paymentId), 200))
  .openapi(refundRoute, async (c) => c.json(await refundStoredValue(c.var.deps, c.var.principal as DevicePrincipal, c.req.valid('json')), 200))
  .openapi(topUpRoute, async (c) => c.json(await topUpStoredValue(c.var.deps, c.var.principal, c.req.valid('json')), 200))
  .openapi(balanceRoute, async (c) => c.json(await readCardBalance(c.var.deps.db, c.var.principal.chainId, c.req.valid('query').cardNo), 200));

import { z } from 'zod';
import {
  CardBalance,
  ClerkSession,
  ErrorBody,
  FoundMember, VoucherState,
  MemberCard,
  MyMonth,
  TillStockCount,
  TillStockLookup,
  PointsBalance,
  PointsRedemption,
  StoredValueMovement,
  TopUpResult,
  type RedeemPointsBody,
  type ReplaceLostCardBody,
  type SpendBody,
  type TopUpBody,
  ReceiptLookup,
  PairedDevice,
  PullResponse,
  PushResponse,
  type ClerkSignInBody,
  type ClerkSignOutBody,
  type PairDeviceBody,
  SYNC_PROTOCOL_HEADER,
  SYNC_PROTOCOL_VERSION,
  TILL_REPORT_HEADER,
  type SnapshotEntity,
  type SyncDocument,
  type TillReport,
} from '@pos/shared';
import type { HqFailure, HqResult } from './hq-failure';

export interface HqClientOptions {
  /** Empty in the app: HQ serves the till on its own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Call<T> {
  method: 'GET' | 'POST';
  path: string;
  schema: z.ZodType<T>;
  deviceToken?: string;
  body?: unknown;
  timeoutMs?: number;
  report?: TillReport;
}

export function createHqClient(options: HqClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const defaultTimeout = options.timeoutMs ?? 15_000;

  async function call<T>({ method, path, schema, deviceToken, body, timeoutMs, report }: Call<T>): Promise<HqResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (deviceToken) headers.authorization = `Bearer ${deviceToken}`;
    if (report) headers[TILL_REPORT_HEADER] = JSON.stringify(report);
    if (path.startsWith('/sync/')) headers[SYNC_PROTOCOL_HEADER] = String(SYNC_PROTOCOL_VERSION);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs ?? defaultTimeout),
      });
    } catch {
      return { ok: false, failure: { kind: 'unreachable' } };
    }
    let json: unknown = null;
    try {
      if (response.status !== 204) json = await response.json();
    } catch {
      return { ok: false, failure: response.ok ? { kind: 'invalid-response', status: response.status } : httpFailureWithoutBody(response.status) };
    }
    if (!response.ok) return { ok: false, failure: httpFailureOf(response.status, json) };
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'invalid-response', status: response.status } };
  }

  /** A streamed answer: its body as it arrives, or why HQ refused it. */
  async function openStream(path: string, deviceToken: string, timeoutMs: number): Promise<HqResult<ReadableStream<Uint8Array>>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        headers: { accept: 'application/x-ndjson', authorization: `Bearer ${deviceToken}`, [SYNC_PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return { ok: false, failure: { kind: 'unreachable' } };
    }
    if (response.ok && response.body) return { ok: true, value: response.body };
    if (response.ok) return { ok: false, failure: { kind: 'invalid-response', status: response.status } };
    const json: unknown = await response.json().catch(() => null);
    return { ok: false, failure: httpFailureOf(response.status, json) };
  }

  return {
    pairDevice: (body: PairDeviceBody) => call({ method: 'POST', path: '/devices/pair', schema: PairedDevice, body }),
    signInClerk: (deviceToken: string, body: ClerkSignInBody) =>
      call({ method: 'POST', path: '/auth/clerk/sign-in', schema: ClerkSession, deviceToken, body, timeoutMs: 8_000 }),
    /** Short: signing out never waits on HQ; this only ends the clerk's session there sooner than its expiry. */
    signOutClerk: (deviceToken: string, body: ClerkSignOutBody) =>
      call({ method: 'POST', path: '/auth/clerk/sign-out', schema: z.null(), deviceToken, body, timeoutMs: 5_000 }),
    /** `report` is the till's own (`TillReport`), sent in its header on every pull and push. */
    pull: (deviceToken: string, cursor: number, limit: number, report?: TillReport) =>
      call({ method: 'GET', path: `/sync/pull?cursor=${cursor}&limit=${limit}`, schema: PullResponse, deviceToken, timeoutMs: 60_000, report }),
    /**
     * The catalog at one cursor, streamed (the browser undoes its gzip): from the start, or
     * after the last key the till holds of an entity. Long: a large catalog streams for a while.
     */
    snapshot: (deviceToken: string, from: { entity: SnapshotEntity; after: string | null } | null) =>
      openStream(
        `/sync/snapshot${from ? `?entity=${from.entity}${from.after === null ? '' : `&after=${encodeURIComponent(from.after)}`}` : ''}`,
        deviceToken,
        15 * 60_000,
      ),
    push: (deviceToken: string, documents: readonly SyncDocument[], report?: TillReport) =>
      call({ method: 'POST', path: '/sync/push', schema: PushResponse, deviceToken, body: { documents }, timeoutMs: 60_000, report }),
    /** Short: a cashier and a customer are waiting, and the sale can go on without the member. */
    lookupMember: (deviceToken: string, code: string) =>
      call({ method: 'GET', path: `/members/lookup?code=${encodeURIComponent(code)}`, schema: FoundMember, deviceToken, timeoutMs: 5_000 }),
    /** Short, like the member look-up: the sale goes on without the answer, and HQ still catches a reused code at ingest. */
    voucherState: (deviceToken: string, code: string) =>
      call({ method: 'GET', path: `/vouchers/${encodeURIComponent(code)}`, schema: VoucherState, deviceToken, timeoutMs: 3_000 }),
    /** A card's money (储值、积分) at the counter: a customer waits, so a few seconds; a payment id makes asking again safe. */
    spendStoredValue: (deviceToken: string, body: SpendBody) =>
      call({ method: 'POST', path: '/stored-value/spends', schema: StoredValueMovement, deviceToken, body, timeoutMs: 6_000 }),
    reverseStoredValue: (deviceToken: string, paymentId: string) =>
      call({ method: 'POST', path: `/stored-value/spends/${encodeURIComponent(paymentId)}/reversal`, schema: StoredValueMovement, deviceToken, timeoutMs: 6_000 }),
    topUp: (deviceToken: string, body: TopUpBody) =>
      call({ method: 'POST', path: '/stored-value/top-ups', schema: TopUpResult, deviceToken, body, timeoutMs: 6_000 }),
    cardBalance: (deviceToken: string, cardNo: string) =>
      call({ method: 'GET', path: `/stored-value/balance?cardNo=${encodeURIComponent(cardNo)}`, schema: CardBalance, deviceToken, timeoutMs: 5_000 }),
    redeemPoints: (deviceToken: string, body: RedeemPointsBody) =>
      call({ method: 'POST', path: '/points/redemptions', schema: PointsRedemption, deviceToken, body, timeoutMs: 6_000 }),
    reversePoints: (deviceToken: string, paymentId: string) =>
      call({ method: 'POST', path: `/points/redemptions/${encodeURIComponent(paymentId)}/reversal`, schema: PointsRedemption, deviceToken, timeoutMs: 6_000 }),
    pointsBalance: (deviceToken: string, cardNo: string) =>
      call({ method: 'GET', path: `/points/balance?cardNo=${encodeURIComponent(cardNo)}`, schema: PointsBalance, deviceToken, timeoutMs: 5_000 }),
    /** The signed-in clerk's month (我的业绩): HQ works the store's month out first, so a few seconds. */
    myMonth: (deviceToken: string, clerkToken: string) =>
      call({ method: 'POST', path: '/commission/my-month', schema: MyMonth, deviceToken, body: { clerkToken }, timeoutMs: 10_000 }),
    /** This store's stock of a product and its sibling stores' (库存查询): a customer waits at the counter, so short. */
    stockLookup: (deviceToken: string, productId: string) =>
      call({ method: 'GET', path: `/stock/lookup/${encodeURIComponent(productId)}`, schema: TillStockLookup, deviceToken, timeoutMs: 5_000 }),
    /** This store's open count (盘点) and what is counted so far, or none. */
    tillCount: (deviceToken: string) => call({ method: 'GET', path: '/stock/counts/here', schema: TillStockCount, deviceToken, timeoutMs: 5_000 }),
    /** One scan into the store's open count. */
    countScan: (deviceToken: string, countId: string, productId: string) =>
      call({ method: 'POST', path: `/stock/counts/${encodeURIComponent(countId)}/scans`, schema: TillStockCount, deviceToken, body: { productId, quantity: 1 }, timeoutMs: 5_000 }),
    reportCardLost: (deviceToken: string, cardNo: string) =>
      call({ method: 'POST', path: '/members/cards/lost', schema: MemberCard, deviceToken, body: { cardNo }, timeoutMs: 6_000 }),
    replaceLostCard: (deviceToken: string, body: ReplaceLostCardBody) =>
      call({ method: 'POST', path: '/members/cards/replacement', schema: MemberCard, deviceToken, body, timeoutMs: 6_000 }),
    /** A receipt of another till or store, for a return (退货); short, so a till cut off from HQ offers a return without receipt at once. */
    lookUpReceipt: (deviceToken: string, receiptNo: string, timeoutMs = 4_000) =>
      call({ method: 'GET', path: `/sales/receipts/${encodeURIComponent(receiptNo)}`, schema: ReceiptLookup, deviceToken, timeoutMs }),
  };
}

export type HqClient = ReturnType<typeof createHqClient>;

/** HQ's error body as a failure, or the bare status when the body is not ours. */
function httpFailureOf(status: number, json: unknown): HqFailure {
  const error = ErrorBody.safeParse(json);
  if (!error.success) return httpFailureWithoutBody(status);
  const { code, message, details } = error.data.error;
  return { kind: 'http', status, code, message, details };
}

/** A proxy or a crashed HQ may answer without our error body; keep the status so the UI can still judge it. */
function httpFailureWithoutBody(status: number) {
  return { kind: 'http' as const, status, code: status === 401 ? 'UNAUTHENTICATED' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: `HTTP ${status}`, details: undefined };
}

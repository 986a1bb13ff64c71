import { createApp } from '@pos/hq-server/app';
import type { Deps } from '@pos/hq-server/http/app-env';
import { newId } from '@pos/hq-server/ids';
import { exampleBody, listOperations, type Filler, type OpenApiDocument, type Operation, type Slot } from './openapi-walker';
import { DEMO_PIN, json, type Fixture } from './fixture';
import type { ScopeWorld, StoreRefs } from './scope-world';

/** HQ's OpenAPI document, from an app without a database (serving the document touches none), so tests can be made per operation. */
export async function loadDocument(): Promise<OpenApiDocument> {
  const app = createApp({ config: { OFFICE_SESSION_HOURS: 12, CLERK_SESSION_HOURS: 12 }, clock: () => new Date() } as Deps);
  return (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
}

/** Real rows of the chain that examples name, so a valid example reaches the route's logic rather than a 404. */
export interface ChainValues {
  levelId: string;
  memberCardNo: string;
  promotionId: string;
}

/**
 * Values the schema alone cannot make valid: ids of rows that exist, the demo PIN, the promotion in the
 * path repeated in `rule.id`, and the largest page a list allows (so a sweep sees every row).
 */
export function chainValues(f: Fixture, values: ChainValues): Filler {
  const product = f.catalog[0]!;
  const byName: Record<string, (slot: Slot) => unknown> = {
    productId: () => product.id,
    productIds: () => [product.id],
    ids: (slot) => (slot.in === 'query' ? product.id : undefined),
    levelId: () => values.levelId,
    pin: () => DEMO_PIN,
    timeZone: () => 'Asia/Shanghai',
    code: (slot) => (slot.in === 'query' ? values.memberCardNo : undefined),
    id: (slot) => (slot.in === 'path' || slot.pointer === 'rule.id' ? values.promotionId : undefined),
    limit: (slot) => (slot.in === 'query' ? slot.schema?.maximum : undefined),
    pageSize: (slot) => (slot.in === 'query' ? slot.schema?.maximum : undefined),
  };
  return (slot) => byName[slot.name]?.(slot);
}

/** The chain's values for examples, with a promotion made by HQ from the document's own example of `POST /promotions`. */
export async function prepareChainValues(f: Fixture, world: ScopeWorld, doc: OpenApiDocument): Promise<Filler> {
  const values = chainValues(f, { levelId: world.levelId, memberCardNo: world.memberCardNo, promotionId: newId(f.deps.clock) });
  const create = listOperations(doc).find((op) => op.key === 'POST /promotions')!;
  const body = exampleBody(doc, create, values) as { json: unknown };
  const made = await f.app.request('/promotions', json(body.json, world.actors.find((a) => a.role === 'hq_admin')!.token));
  if (made.status !== 201) throw new Error(`promotion not created: ${await made.text()}`);
  return values;
}

/** Parameters and body properties that name one store's objects, and the value of each for a given store. */
const scopedByName: Record<string, (refs: StoreRefs) => unknown> = {
  storeId: (r) => r.storeId,
  storeIds: (r) => [r.storeId],
  // A stock level's place: one of the caller's stores (or, for HQ, a warehouse).
  placeId: (r) => r.storeId,
  fromStoreId: (r) => r.storeId,
  deviceId: (r) => r.deviceId,
  saleId: (r) => r.saleId,
  clerkId: (r) => r.clerkId,
  clerkCode: (r) => r.clerkCode,
  userId: (r) => r.userId,
  documents: (r) => [r.sale],
  'text/csv': (r) => `sku,price,store\nSKU000001,1.00,${r.storeCode}`,
};

/** A path's `{id}` names a row of the collection before it: `/stores/{id}` a store, `/pricing/prices/{id}` a price. */
const scopedCollections: Record<string, keyof StoreRefs> = { stores: 'storeId', devices: 'deviceId', sales: 'saleId', shifts: 'shiftId', prices: 'priceId', clerks: 'clerkId', sessions: 'sessionId', users: 'userId' };

export function scopedReference(op: Operation, slot: Slot): ((refs: StoreRefs) => unknown) | undefined {
  if (op.key === 'POST /imports/clerks' && slot.in === 'body') return (r) => `code,name,store,pin\nC-PROBE,Probe,${r.storeCode},1234`;
  if (slot.in === 'path' && slot.name === 'id') {
    const collection = op.path.split('/{id}')[0]!.split('/').pop()!;
    const key = scopedCollections[collection];
    return key && ((refs) => refs[key]);
  }
  return scopedByName[slot.name];
}

/** Parameter names that name nothing of a store (filters, pages, chain-wide rows); any other must be scoped or added here. */
export const unscopedParameters = new Set([
  'q', 'page', 'pageSize', 'limit', 'offset', 'cursor', 'from', 'to', 'date', 'state', 'ids', 'code', 'id',
  // Members and their cards are the chain's, whichever store a member shops in.
  'cardId',
  'productId', 'sort', 'order', 'entity', 'entityId', 'actorId',
  'dryRun', 'fileName', 'format', 'lang', 'template', 'key',
  'active', 'status', 'categoryId', 'brandId', 'supplierId',
  // An allocation's products, only those the centre is short of; pricing differences, only where the till was behind.
  'short', 'behind',
  // A sales analysis's grouping and the language of its export.
  'by', 'language',
  // A store list is cut to the caller's scope before it filters.
  'settlement', 'operation', 'regionId', 'franchiseeId',
  'level', 'role', 'kind', 'event',
  // A return may be made in any store of the chain, so a till looks a receipt up chain-wide.
  'receiptNo', 'differences',
  // The till's report on itself, sent with every pull and push, and the sync protocol it speaks.
  'x-pos-till-report', 'x-pos-sync-protocol',
  // A snapshot resumes after a key of the till's own rows.
  'after',
  // Members and their cards belong to the chain, not to a store (one membership in every store); a member's
  // points entries are cut to the caller's stores, and a points redemption is reversed only by its own store.
  // Stored value follows the member across the chain's stores: a card, a member and a payment
  // name no store; a reversal answers only the store that took the payment.
  'cardNo', 'memberId', 'paymentId',
  // A commission period is a span of days of the whole chain; what it shows is cut to the caller's stores.
  'period',
  // A warehouse is HQ's, serving every store; what a list shows of it is cut to the caller's stores.
  'warehouseId',
  // A store may send goods to any store of the chain; only the sending store must be the caller's.
  'toStoreId', 'direction', 'shelf', 'scope', 'uncounted',
  // A fee or adjustment of a franchise statement, which is a franchisee's, not a store's.
  'lineId',
  // A member analysis's level, thresholds and filters of its list; its stores are the caller's, as `storeId` checks.
  'levelId', 'classAUpToBp', 'classBUpToBp', 'newDays', 'lapsingMonths', 'lostMonths', 'valueClass', 'lifecycle', 'recency', 'frequency', 'monetary',
]);

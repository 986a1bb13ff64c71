import { z } from 'zod';
import { Assortment, Barcode, Category, Price, Product } from './catalog';
import { ErrorBody } from './common';
import { Clerk, Store } from './org';
import { TillPermissions } from './permissions';
import { MemberLevel, PricingSettings } from './pricing-admin';
import { PointsEarning } from './points';
import { Promotion } from './promotions-admin';
import { CashReason } from './cash-reasons';
import { Return } from './returns';
import { Sale } from './sales';
import { CashMovement, ShiftClose, ShiftOpen } from './shifts';
import { TillEvent } from './till-events';
import { OutboxInstruction } from './till-monitor';
import { StoredTillShortcuts } from '../shortcuts/till-shortcuts';

/** The request header a till names the sync protocol it speaks in; HQ's answers carry the one HQ speaks. */
export const SYNC_PROTOCOL_HEADER = 'x-pos-sync-protocol';

/**
 * The sync protocol this build speaks. Version 2 names itself on every sync request; version 1 is
 * a till from before, which names none. A change to what a till sends or expects that an older HQ
 * or till would misread raises it; HQ keeps accepting the versions from `OLDEST_SYNC_PROTOCOL` on,
 * so tills still on the previous release (or offline through an upgrade) keep pushing.
 */
export const SYNC_PROTOCOL_VERSION = 2;
export const OLDEST_SYNC_PROTOCOL = 1;

/** The header's value: a whole number, at most four digits. */
export const SyncProtocolHeaderValue = z.string().regex(/^[1-9][0-9]{0,3}$/, 'a sync protocol version is a whole number from 1');

export const PullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type PullQuery = z.infer<typeof PullQuery>;

const change = <E extends string, T extends z.ZodType>(entity: E, data: T) =>
  z.object({ seq: z.number().int(), entity: z.literal(entity), data });

/** What a till may take in stored value while HQ cannot be reached: per card and in all, until those payments reach HQ. */
export const OfflineAllowance = z.object({
  chainId: z.uuid(),
  cardMinor: z.number().int().min(0),
  tillMinor: z.number().int().min(0),
});
export type OfflineAllowance = z.infer<typeof OfflineAllowance>;

/** A till role as a till holds it; `active` false removes it, and its clerks fall back to their role's defaults. */
export const TillRole = z.object({
  id: z.uuid(),
  code: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  permissions: TillPermissions,
  active: z.boolean(),
});
export type TillRole = z.infer<typeof TillRole>;

/** One row a till needs, with the change sequence number it was last written at. */
export const Change = z.discriminatedUnion('entity', [
  change('store', Store),
  change('category', Category),
  change('product', Product),
  change('barcode', Barcode.extend({ active: z.boolean() })),
  change('price', Price.extend({ active: z.boolean() })),
  change('clerk', Clerk),
  change('member_level', MemberLevel),
  /** Every promotion of the chain, whatever its status: only `active` ones price a basket. */
  change('promotion', Promotion),
  /** The chain's one settings row; a chain without one prices with `defaultPricingSettings`. */
  change('pricing_settings', PricingSettings.extend({ chainId: z.uuid() })),
  /** The till's own store only; `all_except` with no active items carries the whole catalog. */
  change('store_assortment', Assortment.pick({ storeId: true, mode: true })),
  /** One product the till's store lists (or excludes); `active` false once it is taken off the list. */
  change('assortment_item', z.object({ storeId: z.uuid(), productId: z.uuid(), active: z.boolean() })),
  /** A till role of the chain (`permission_roles` of kind `till`): what its clerks' function keys may do offline. */
  change('till_role', TillRole),
  /** A reason for cash in or out (收支类别) of the chain; `active` false retires it. */
  change('cash_reason', CashReason),
  /** The chain's keyboard shortcuts as HQ keeps them; the till completes them with `completeTillShortcuts`, and uses the defaults until one arrives. */
  change('till_shortcuts', z.object({ chainId: z.uuid(), shortcuts: StoredTillShortcuts })),
  /** The chain's offline stored-value allowance (离线储值额度); none (or zero) keeps stored value online only. */
  change('stored_value_allowance', OfflineAllowance),
  /** The chain's active points earning rules (积分规则), with its points settings row; none: the receipt names no points earned. */
  change('points_earning', PointsEarning),
]);
export type Change = z.infer<typeof Change>;
export type ChangeEntity = Change['entity'];

export const PullResponse = z.object({
  changes: z.array(Change),
  /** Pass this as `cursor` on the next pull. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  /** The newest change sequence at HQ when this page was read, so the till can show progress. */
  headSeq: z.number().int(),
  /** What a manager decided about documents this till holds as rejected; older tills ignore it. */
  outbox: z.array(OutboxInstruction).optional(),
  /** HQ's advice when the till is far behind (more than `SNAPSHOT_ADVISED_AFTER` rows changed, or more than half a snapshot): load a snapshot instead. */
  catchUp: z.literal('snapshot').optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** More rows changed than this since its cursor (or more than half of what a snapshot holds), a till catches up with a snapshot rather than page after page of changes. */
export const SNAPSHOT_ADVISED_AFTER = 10_000;

/**
 * The entities of a snapshot in the order it sends them: what a sale needs first (the store,
 * its settings, clerks and roles, the assortment, products, barcodes, prices, promotions and
 * categories), then the rest.
 */
export const SNAPSHOT_ENTITIES = [
  'store', 'pricing_settings', 'till_shortcuts', 'stored_value_allowance', 'points_earning', 'till_role', 'clerk', 'store_assortment', 'assortment_item', 'category',
  'product', 'barcode', 'price', 'promotion', 'member_level', 'cash_reason',
] as const satisfies readonly ChangeEntity[];
export const SnapshotEntity = z.enum(SNAPSHOT_ENTITIES);
export type SnapshotEntity = z.infer<typeof SnapshotEntity>;
/** Once every entity up to this one is in, the till can sell; the rest follows in the background. */
export const SNAPSHOT_SELLABLE_AFTER: SnapshotEntity = 'promotion';

/** Where a snapshot starts: from the beginning, or after the row with key `after` of `entity` (a resumed one). */
export const SnapshotQuery = z
  .object({
    entity: SnapshotEntity.optional(),
    after: z.string().min(1).max(200).optional(),
  })
  .refine((q) => q.after === undefined || q.entity !== undefined, { message: 'after needs entity', path: ['after'] });
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

/**
 * The first line of a snapshot: pull changes after `cursor` once it is loaded, and how many
 * rows of each entity this stream carries.
 */
export const SnapshotHead = z.object({
  cursor: z.number().int().min(0),
  counts: z.record(SnapshotEntity, z.number().int().min(0)),
});
export type SnapshotHead = z.infer<typeof SnapshotHead>;

/**
 * Every further line: rows of one entity in key order (byte order, as IndexedDB orders keys),
 * up to and including `lastKey`; `end` on the entity's last batch. Only live rows are sent,
 * so a till holds exactly what a batch spans and nothing beyond an ended entity's last key.
 */
export const SnapshotBatch = z.object({
  entity: SnapshotEntity,
  rows: z.array(z.unknown()),
  lastKey: z.string().nullable(),
  end: z.boolean(),
});
export type SnapshotBatch = z.infer<typeof SnapshotBatch>;

/** The schema of one entity's rows, as in a `Change`. */
export function changeDataSchema(entity: ChangeEntity): z.ZodType<Change['data']> {
  const option = Change.options.find((o) => o.shape.entity.value === entity);
  if (!option) throw new Error(`no change entity ${entity}`);
  return option.shape.data;
}

/**
 * Every kind of document a till pushes. Each carries `kind`, an `id` the till made (uuidv7),
 * its `storeId` and `deviceId`, and the instant it was `completedAt`; HQ takes the kinds in
 * the order of this list, so a document that names another comes after it.
 */
export const SyncDocument = z.discriminatedUnion('kind', [ShiftOpen, Sale, CashMovement, ShiftClose, TillEvent, Return]);
export type SyncDocument = z.infer<typeof SyncDocument>;
export type SyncDocumentKind = SyncDocument['kind'];
export type SyncDocumentOf<K extends SyncDocumentKind> = Extract<SyncDocument, { kind: K }>;

/** The most documents one push may hold; HQ sizes the push's body limit by it. */
export const PUSH_MAX_DOCUMENTS = 500;

/**
 * A push holds documents as the till stored them. Each is validated on its own, so one
 * malformed document is rejected with its reason while the others go in.
 */
export const PushBody = z.object({
  documents: z.array(z.unknown()).min(1, 'push at least one document').max(PUSH_MAX_DOCUMENTS, `push at most ${PUSH_MAX_DOCUMENTS} documents at once`),
});
export type PushBody = z.infer<typeof PushBody>;

export const PushStatus = z.enum(['accepted', 'duplicate', 'rejected']);
export type PushStatus = z.infer<typeof PushStatus>;

export const PushResult = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: PushStatus,
  reason: ErrorBody.shape.error.optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

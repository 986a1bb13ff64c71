import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Category, CashMovement, CashReason, Change, Clerk, PairedDevice, Product, Return, Sale, ShiftClose, ShiftOpen, Store, Price, Barcode, ErrorBody, MemberLevel, OfflineAllowance, PointsEarning, Promotion, SnapshotEntity, StoredTillShortcuts, SyncDocument, TillRole, TillSyncError } from '@pos/shared';
import type { HeldTicket } from '../features/sales/held-tickets';
import type { Ticket } from '../features/sales/ticket';

export type PulledBarcode = Barcode & { active: boolean };
export type PulledPrice = Price & { active: boolean };
type PulledData<E extends Change['entity']> = Extract<Change, { entity: E }>['data'];
/** The chain's pricing settings, one row keyed by the chain. */
export type PulledPricingSettings = PulledData<'pricing_settings'>;
/** The till's own store's assortment mode; no row, or `all_except` with no items, carries the whole catalog. */
export type PulledStoreAssortment = PulledData<'store_assortment'>;
/** A product the store's assortment names; only active ones are kept. */
export type PulledAssortmentItem = PulledData<'assortment_item'>;

/** `settled`: a document HQ rejected that a manager settled with a correction at HQ; it is kept, off the rejected list. */
export type OutboxState = 'pending' | 'sent' | 'rejected' | 'settled';
export type RejectReason = ErrorBody['error'];

/** A finished document waiting for HQ; the id is the document's own id (the idempotency key). */
export interface OutboxEntry {
  id: string;
  kind: SyncDocument['kind'];
  body: SyncDocument;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  reason: RejectReason | null;
  /** The manager's note when HQ settled the rejected document. */
  settledNote?: string | null;
}

export interface SyncMeta {
  cursor: number;
  headSeq: number;
  initialPullDoneAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  /** What went wrong the last time a sync failed; the till reports it to HQ. */
  lastError?: TillSyncError | null;
}

export interface ClerkSignIn {
  clerkId: string;
  code: string;
  name: string;
  role: Clerk['role'];
  /** HQ's session token; null when the clerk signed in offline against the pulled PIN hash. */
  token: string | null;
  signedInAt: string;
}

/**
 * A catalog snapshot being loaded: the cursor the change feed goes on from once it is in (the
 * first snapshot's, kept when a broken one resumes), rows of each entity in all and loaded, and
 * where the next batch starts (`next` null: everything is in).
 */
export interface SnapshotLoad {
  cursor: number;
  totals: Record<SnapshotEntity, number>;
  loaded: Record<SnapshotEntity, number>;
  next: { entity: SnapshotEntity; after: string | null } | null;
  startedAt: string;
}

/** Every value kept in the `meta` table, by key. */
export interface MetaValues {
  pairing: PairedDevice;
  sync: SyncMeta;
  session: ClerkSignIn;
  receiptCounter: { deviceId: string; last: number };
  returnCounter: { deviceId: string; last: number };
  /** The till's open shift, which every sale belongs to; none while no shift is open. */
  openShift: { id: string };
  /** The chain's keyboard shortcuts as last pulled; none until HQ's map arrives (the defaults apply). */
  tillShortcuts: StoredTillShortcuts;
  /** The chain's offline stored-value allowance as last pulled; none: stored value is online only. */
  offlineAllowance: OfflineAllowance;
  /** The chain's points earning rules as last pulled; none: the receipt names no points earned. */
  pointsEarning: PointsEarning;
  /** The sales clerk (营业员) new lines are credited to on this till; none: the cashier's. */
  salesClerk: { clerkId: string };
  /** A catalog snapshot not yet fully loaded; none once it is. */
  snapshotLoad: SnapshotLoad;
}
export type MetaKey = keyof MetaValues;
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/**
 * A ticket kept on the till: a clerk's open ticket (one record, written after every change) or
 * one held (挂单) with its number, time and item count.
 */
export interface TicketRow {
  /** `open:<clerkId>` for the clerk's open ticket; the ticket's own id for a held one. */
  key: string;
  clerkId: string;
  ticket: Ticket;
  held: Omit<HeldTicket, 'ticket'> | null;
}

/** A shift of this till: its opening and, once counted, its close (documents as pushed). */
export interface TillShift {
  id: string;
  open: ShiftOpen;
  close: ShiftClose | null;
}

export interface PinAttempts {
  clerkCode: string;
  failures: number;
  lockedUntil: string | null;
}

/**
 * Prices pulled before version 2 may lack `memberLevelId`. Promotions and member levels a
 * version-1 till skipped lie behind its cursor, so the next pull starts again from zero
 * (every change is an upsert); the first pull stays done, so selling goes on meanwhile.
 */
async function upgradeToMemberPricing(tx: Transaction): Promise<void> {
  await tx.table<PulledPrice>('prices').toCollection().modify((price) => {
    price.memberLevelId ??= null;
  });
  await pullAgainFromStart(tx);
}

/** The next pull starts from zero; every change is an upsert, and the first pull stays done. */
async function pullAgainFromStart(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaRow, string>('meta');
  const sync = await meta.get('sync');
  if (sync?.key === 'sync') await meta.put({ key: 'sync', value: { ...sync.value, cursor: 0 } });
}

/**
 * Products and categories pulled before version 4 lack their lifecycle and pinyin fields: they
 * get neutral values at once (so selling goes on), and the next pull starts again from zero to
 * bring the real ones.
 */
async function upgradeToCatalogSearch(tx: Transaction): Promise<void> {
  await tx.table<Product>('products').toCollection().modify((product) => {
    product.status ??= 'normal';
    product.discontinuedFrom ??= null;
    product.pinyin ??= '';
    product.pinyinInitials ??= '';
  });
  await tx.table<Category>('categories').toCollection().modify((category) => {
    category.sortOrder ??= 0;
    category.active ??= true;
  });
  await pullAgainFromStart(tx);
}

export const emptySyncMeta: SyncMeta = { cursor: 0, headSeq: 0, initialPullDoneAt: null, lastPullAt: null, lastPushAt: null };

export class TillDb extends Dexie {
  stores!: EntityTable<Store, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  products!: EntityTable<Product, 'id'>;
  barcodes!: EntityTable<PulledBarcode, 'code'>;
  prices!: EntityTable<PulledPrice, 'id'>;
  clerks!: EntityTable<Clerk, 'id'>;
  memberLevels!: EntityTable<MemberLevel, 'id'>;
  /** Every promotion of the chain whatever its status; only active ones price a basket. */
  promotions!: EntityTable<Promotion, 'id'>;
  pricingSettings!: EntityTable<PulledPricingSettings, 'chainId'>;
  storeAssortments!: EntityTable<PulledStoreAssortment, 'storeId'>;
  /** Keyed by `[storeId+productId]`: a scan asks for one product, never the whole list. */
  assortmentItems!: Table<PulledAssortmentItem, [string, string]>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  journal!: EntityTable<Sale, 'id'>;
  pinAttempts!: EntityTable<PinAttempts, 'clerkCode'>;
  /** The chain's active till roles; a clerk's `permissionRoleId` names one, or the clerk's role defaults apply. */
  tillRoles!: EntityTable<TillRole, 'id'>;
  /** Open and held tickets, so neither a reload nor a crash loses a basket. */
  tickets!: EntityTable<TicketRow, 'key'>;
  /** Returns and exchanges made on this till, by their original sale: what a line has left to return, offline. */
  returns!: EntityTable<Return, 'id'>;
  /** The chain's active reasons for cash in and out (收支类别). */
  cashReasons!: EntityTable<CashReason, 'id'>;
  shifts!: EntityTable<TillShift, 'id'>;
  /** Cash in and out of each shift, by shift. */
  cashMovements!: EntityTable<CashMovement, 'id'>;

  /**
   * Chromium's default durability reports a write done before it reaches the disk; a sale the
   * cashier saw completed must survive a power cut, so the till's database is strict. A catalog
   * snapshot is written through a `relaxed` one: a batch lost to a power cut is loaded again.
   */
  constructor(name = 'pos-till', durability: 'strict' | 'relaxed' = 'strict') {
    super(name, { chromeTransactionDurability: durability });
    this.version(1).stores({
      stores: 'id',
      categories: 'id',
      products: 'id',
      barcodes: 'code, productId',
      prices: 'id, productId',
      clerks: 'id, code',
      meta: 'key',
      outbox: 'id, state',
      journal: 'id, completedAt',
      pinAttempts: 'clerkCode',
    });
    this.version(2)
      .stores({ memberLevels: 'id', promotions: 'id' })
      .upgrade(upgradeToMemberPricing);
    // Products are indexed by scale item code, so a scale label finds its product without a scan of the catalog.
    // A version-2 till's parser dropped `scaleItemCode` from the products it pulled, and the settings and
    // assortment were beyond it: it pulls everything again.
    this.version(3)
      .stores({ products: 'id, scaleItemCode', pricingSettings: 'chainId', storeAssortments: 'storeId', assortmentItems: '[storeId+productId]' })
      .upgrade(pullAgainFromStart);
    // The sell screen's search finds products by the start of their pinyin initials, pinyin, SKU or Chinese name, each through an index.
    this.version(4)
      .stores({ products: 'id, scaleItemCode, pinyinInitials, pinyin, sku, nameZh' })
      .upgrade(upgradeToCatalogSearch);
    // Till roles, and clerks by badge code. Clerks pulled before carry neither badge nor role: pull everything again.
    this.version(5).stores({ clerks: 'id, code, badgeCode', tillRoles: 'id' }).upgrade(pullAgainFromStart);
    // The open ticket and held tickets, by clerk.
    this.version(6).stores({ tickets: 'key, clerkId' });
    // Returns (退换货): the till finds its own sales by receipt number and keeps its returns by their original sale.
    // Settings pulled before carry no return policy: pull everything again.
    this.version(7).stores({ journal: 'id, completedAt, receiptNo', returns: 'id, completedAt, original.saleId' }).upgrade(pullAgainFromStart);
    // Shifts and cash movements, and the chain's cash reasons, which lie behind an older till's cursor: pull everything again.
    this.version(8).stores({ cashReasons: 'id', shifts: 'id', cashMovements: 'id, shiftId' }).upgrade(pullAgainFromStart);
  }

  /** The catalog tables a pull writes into. */
  get catalogTables() {
    return [
      this.stores, this.categories, this.products, this.barcodes, this.prices, this.clerks, this.memberLevels, this.promotions,
      this.pricingSettings, this.storeAssortments, this.assortmentItems, this.tillRoles, this.cashReasons,
    ];
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    const row = await this.meta.get(key);
    return row?.value as MetaValues[K] | undefined;
  }

  async putMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.meta.put({ key, value } as MetaRow);
  }

  async getSyncMeta(): Promise<SyncMeta> {
    return (await this.getMeta('sync')) ?? emptySyncMeta;
  }
}

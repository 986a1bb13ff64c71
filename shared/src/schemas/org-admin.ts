import { z } from 'zod';
import { CurrencyCode, IsoDateTime, LocalDate, SafeText, TimeZone } from './common';
import { Store, StoreConnectivity } from './org';
import { pageOf, pageQuery, QueryFlag } from './paging';

const Code = (what: string) => SafeText.trim().regex(/^[A-Za-z0-9_-]{1,20}$/, `a ${what} code is 1 to 20 letters, digits, - or _`);
const Name = SafeText.trim().min(1).max(60);
const Note = SafeText.trim().max(200).nullable().default(null);
/** An edit (PATCH) must name something to change: an empty body is refused, not taken as "nothing". */
export const namesAChange = [(body: object) => Object.values(body).some((value) => value !== undefined), { message: 'name at least one field to change' }] as const;

const Phone = SafeText.trim().regex(/^[0-9+()\- ]{3,30}$/, 'a phone number is 3 to 30 digits, spaces, +, -, ( or )');

/** A region or branch (区域/分公司) between HQ and stores; `parentId` null is a top-level one. */
export const Region = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  /** Active stores directly in the region. */
  storeCount: z.number().int().nonnegative(),
});
export type Region = z.infer<typeof Region>;

export const CreateRegionBody = z.object({ code: Code('region'), nameZh: Name, nameEn: Name, parentId: z.uuid().nullable().default(null) });
export type CreateRegionBody = z.infer<typeof CreateRegionBody>;
/** Rename, or move under another region (`parentId`, null for the top level); never under itself or a region below it. */
export const UpdateRegionBody = z.object({ nameZh: Name, nameEn: Name, parentId: z.uuid().nullable() }).partial().refine(...namesAChange);
export type UpdateRegionBody = z.infer<typeof UpdateRegionBody>;

/** A store as the office manages it: the till's `Store` with its region, address, dates and the names of its franchisee and region. */
export const StoreRecord = Store.extend({
  regionId: z.uuid().nullable(),
  address: z.string().nullable(),
  openedOn: LocalDate.nullable(),
  closedOn: LocalDate.nullable(),
  franchiseeName: z.string().nullable(),
  regionNameZh: z.string().nullable(),
  regionNameEn: z.string().nullable(),
});
export type StoreRecord = z.infer<typeof StoreRecord>;

export const StoreListQuery = pageQuery(['code', 'name', 'openedOn']).extend({
  regionId: z.uuid().optional(),
  franchiseeId: z.uuid().optional(),
  operation: z.enum(['direct', 'franchise']).optional(),
  active: QueryFlag.optional(),
});
export type StoreListQuery = z.infer<typeof StoreListQuery>;
export const StoreList = pageOf(StoreRecord);
export type StoreList = z.infer<typeof StoreList>;

const StoreDetails = z.object({
  nameZh: Name,
  nameEn: Name,
  address: SafeText.trim().max(200).nullable(),
  timeZone: TimeZone,
  currency: CurrencyCode,
  connectivity: StoreConnectivity,
});

/** Opening a store (开店): franchised when it names a franchisee, else run directly. */
export const OpenStoreBody = StoreDetails.extend({
  address: StoreDetails.shape.address.default(null),
  code: Code('store'),
  franchiseeId: z.uuid().nullable().default(null),
  regionId: z.uuid().nullable().default(null),
  openedOn: LocalDate,
});
export type OpenStoreBody = z.infer<typeof OpenStoreBody>;

export const UpdateStoreBody = StoreDetails.partial().refine(...namesAChange);
export type UpdateStoreBody = z.infer<typeof UpdateStoreBody>;

/** A dated change of a store; the date is a business date in the store's time zone, not after today. */
export const CloseStoreBody = z.object({ closedOn: LocalDate, note: Note });
export type CloseStoreBody = z.infer<typeof CloseStoreBody>;
export const ReopenStoreBody = z.object({ effectiveOn: LocalDate, note: Note });
export type ReopenStoreBody = z.infer<typeof ReopenStoreBody>;
/** To another franchisee, or to direct operation with `franchiseeId` null. */
export const MoveStoreFranchiseeBody = z.object({ franchiseeId: z.uuid().nullable(), effectiveOn: LocalDate, note: Note });
export type MoveStoreFranchiseeBody = z.infer<typeof MoveStoreFranchiseeBody>;
export const MoveStoreRegionBody = z.object({ regionId: z.uuid().nullable(), effectiveOn: LocalDate, note: Note });
export type MoveStoreRegionBody = z.infer<typeof MoveStoreRegionBody>;

export const StoreEventKind = z.enum(['opened', 'closed', 'reopened', 'franchisee_changed', 'region_changed']);
export type StoreEventKind = z.infer<typeof StoreEventKind>;

/** One line of a store's history; a franchisee sees other franchisees' names as null. */
export const StoreEvent = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  kind: StoreEventKind,
  effectiveOn: LocalDate,
  fromFranchiseeName: z.string().nullable(),
  toFranchiseeName: z.string().nullable(),
  fromRegionNameZh: z.string().nullable(),
  fromRegionNameEn: z.string().nullable(),
  toRegionNameZh: z.string().nullable(),
  toRegionNameEn: z.string().nullable(),
  note: z.string().nullable(),
  at: IsoDateTime,
});
export type StoreEvent = z.infer<typeof StoreEvent>;

export const SettlementCycle = z.enum(['monthly', 'quarterly']);
export type SettlementCycle = z.infer<typeof SettlementCycle>;

const FranchiseeFields = z.object({
  name: SafeText.trim().min(1).max(80),
  contact: SafeText.trim().max(40).nullable(),
  phone: Phone.nullable(),
  /** Royalty on net sales in basis points: 550 is 5.5%. */
  royaltyRateBp: z.number().int().min(0).max(10_000),
  settlementCycle: SettlementCycle,
  creditLimitMinor: z.number().int().min(0).max(100_000_000_000),
  contractStart: LocalDate.nullable(),
  contractEnd: LocalDate.nullable(),
});

const contractInOrder = (body: { contractStart?: string | null; contractEnd?: string | null }) =>
  !body.contractStart || !body.contractEnd || body.contractStart <= body.contractEnd;
const contractIssue = { message: 'the contract cannot end before it starts', path: ['contractEnd'] };

export const CreateFranchiseeBody = FranchiseeFields.extend({
  code: Code('franchisee'),
  contact: FranchiseeFields.shape.contact.default(null),
  phone: FranchiseeFields.shape.phone.default(null),
  contractStart: FranchiseeFields.shape.contractStart.default(null),
  contractEnd: FranchiseeFields.shape.contractEnd.default(null),
}).refine(contractInOrder, contractIssue);
export type CreateFranchiseeBody = z.infer<typeof CreateFranchiseeBody>;
export const UpdateFranchiseeBody = FranchiseeFields.partial().refine(contractInOrder, contractIssue).refine(...namesAChange);
export type UpdateFranchiseeBody = z.infer<typeof UpdateFranchiseeBody>;

export const FranchiseeStore = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean() });

/** A franchisee (加盟商), the terms of their contract, and the stores they run now. */
export const Franchisee = FranchiseeFields.extend({
  id: z.uuid(),
  code: z.string(),
  active: z.boolean(),
  stores: z.array(FranchiseeStore),
});
export type Franchisee = z.infer<typeof Franchisee>;

export const FranchiseeListQuery = pageQuery(['code', 'name', 'contractEnd']).extend({ active: QueryFlag.optional() });
export type FranchiseeListQuery = z.infer<typeof FranchiseeListQuery>;
export const FranchiseeList = pageOf(Franchisee);
export type FranchiseeList = z.infer<typeof FranchiseeList>;

import { z } from 'zod';
import type { ClerkRole } from './org';

/** The till's function keys whose use a role decides (收银员权限细到功能键). */
export const TillKey = z.enum([
  'refund',
  'return_without_receipt',
  'price_override',
  'line_discount',
  'ticket_discount',
  'void_line',
  'void_ticket',
  'no_sale',
  'reprint',
  'cash_in_out',
  'shift_close',
  'card_lost',
  'card_replace',
]);
export type TillKey = z.infer<typeof TillKey>;

/** A key is allowed, needs a manager's PIN on the spot, or is forbidden. */
export const KeyPolicy = z.enum(['allowed', 'manager_pin', 'forbidden']);
export type KeyPolicy = z.infer<typeof KeyPolicy>;

/** A discount limit in basis points of the line's or ticket's amount: 1000 is 10%. */
const limitBp = z.number().int().min(0).max(10_000);

/**
 * What a till role lets a clerk do. A discount within the limit follows its key's policy; one
 * above it needs a manager's PIN (or is refused when the key is forbidden). A role saved before
 * a key existed reads that key as needing a manager.
 */
export const TillPermissions = z.object({
  keys: z.object(Object.fromEntries(TillKey.options.map((key) => [key, KeyPolicy.default('manager_pin')])) as Record<TillKey, z.ZodDefault<typeof KeyPolicy>>),
  lineDiscountLimitBp: limitBp,
  ticketDiscountLimitBp: limitBp,
});
export type TillPermissions = z.infer<typeof TillPermissions>;

const everyKey = (policy: KeyPolicy) => Object.fromEntries(TillKey.options.map((key) => [key, policy])) as Record<TillKey, KeyPolicy>;

/** What a clerk may do when their clerk record names no till role: a store manager everything, others as a cautious chain would set it. */
export function defaultTillPermissions(role: ClerkRole): TillPermissions {
  if (role === 'store_manager') return { keys: everyKey('allowed'), lineDiscountLimitBp: 10_000, ticketDiscountLimitBp: 10_000 };
  return {
    keys: { ...everyKey('manager_pin'), void_line: 'allowed', reprint: 'allowed', shift_close: 'allowed' },
    lineDiscountLimitBp: 0,
    ticketDiscountLimitBp: 0,
  };
}

/** Every key asks for a manager and no discount is the clerk's own: for a clerk whose till role the till has not read yet. */
export const managerForEveryKey: TillPermissions = { keys: everyKey('manager_pin'), lineDiscountLimitBp: 0, ticketDiscountLimitBp: 0 };

/**
 * The office's modules a role grants access to. Adding a module is adding its name here: a role
 * saved before it existed reads it as `none`, and HQ's level default grants it.
 */
export const OfficeModule = z.enum([
  'catalog',
  'prices',
  'promotions',
  'suppliers',
  'organisation',
  'people',
  'roles',
  'members',
  'devices',
  'reports',
  'settings',
  'audit',
  'imports',
  'commission',
  'stock',
]);
export type OfficeModule = z.infer<typeof OfficeModule>;

/** `view` reads a module's screens and lists; `edit` also changes what they hold. */
export const ModuleAccess = z.enum(['none', 'view', 'edit']);
export type ModuleAccess = z.infer<typeof ModuleAccess>;

/** The reports a role may print or export, each with its own limit. */
export const ReportKey = z.enum(['store_day', 'sales_analysis', 'promotion_return', 'member_analysis', 'franchise_statement']);
export type ReportKey = z.infer<typeof ReportKey>;

/** What a role may do with one report's output (报表打印权限): print, export, and how many outputs a day (null: no limit). */
export const ReportOutputRule = z.object({
  print: z.boolean(),
  export: z.boolean(),
  perDay: z.number().int().min(1).max(10_000).nullable(),
});
export type ReportOutputRule = z.infer<typeof ReportOutputRule>;

const noOutput: ReportOutputRule = { print: false, export: false, perDay: null };

/**
 * What an office role lets a user do, whatever stores their level lets them see: each module's
 * access, the categories whose products and report rows they see (and those below them), whether
 * they see cost prices and margins, and what they may print or export of each report.
 */
export const OfficePermissions = z.object({
  modules: z.object(Object.fromEntries(OfficeModule.options.map((m) => [m, ModuleAccess.default('none')])) as Record<OfficeModule, z.ZodDefault<typeof ModuleAccess>>),
  categories: z.union([z.literal('all'), z.array(z.uuid()).min(1).max(500)]),
  seeCost: z.boolean(),
  reports: z.object(Object.fromEntries(ReportKey.options.map((r) => [r, ReportOutputRule.default(noOutput)])) as Record<ReportKey, z.ZodDefault<typeof ReportOutputRule>>),
});
export type OfficePermissions = z.infer<typeof OfficePermissions>;

const everyModule = (access: ModuleAccess) => Object.fromEntries(OfficeModule.options.map((m) => [m, access])) as Record<OfficeModule, ModuleAccess>;
const everyReport = (rule: ReportOutputRule) => Object.fromEntries(ReportKey.options.map((r) => [r, rule])) as Record<ReportKey, ReportOutputRule>;

/** Office levels, as `UserRole` spells them, for the defaults below. */
type OfficeLevel = 'hq_admin' | 'region_manager' | 'franchisee' | 'store_manager' | 'cashier';

/** What the office lets non-HQ levels see without a role: what they could read before roles existed, their stores, their audit trail and their clerks by file. */
const storeLevelModules: Partial<Record<OfficeModule, ModuleAccess>> = {
  catalog: 'view', prices: 'view', promotions: 'view', members: 'view', reports: 'view', settings: 'view', devices: 'edit',
  organisation: 'view', audit: 'view', imports: 'edit',
};

/**
 * What a user may do when their record names no office role: HQ everything; a region manager,
 * franchisee or store manager what they could before roles existed (read the catalog, prices,
 * promotions, members, reports and settings of their scope, run their tills), franchisees and
 * store managers also their own people and members' cards at the counter; their stores, the audit trail about them and their clerks by file;
 * no cost prices outside HQ.
 */
export function defaultOfficePermissions(level: OfficeLevel): OfficePermissions {
  if (level === 'hq_admin') {
    return { modules: everyModule('edit'), categories: 'all', seeCost: true, reports: everyReport({ print: true, export: true, perDay: null }) };
  }
  if (level === 'cashier') return { modules: { ...everyModule('none'), reports: 'view' }, categories: 'all', seeCost: false, reports: everyReport(noOutput) };
  const people: ModuleAccess = level === 'region_manager' ? 'view' : 'edit';
  // A store's owner and manager work members' cards at the counter: report lost, replace, PIN, renewal.
  const members: ModuleAccess = level === 'region_manager' ? 'view' : 'edit';
  // They also keep their clerks' duty and targets and settle their commission (营业员结算); a region manager reads it.
  const commission: ModuleAccess = level === 'region_manager' ? 'view' : 'edit';
  // They ask the warehouse for goods (门店要货) and record what arrives; a region manager reads it.
  const stock: ModuleAccess = level === 'region_manager' ? 'view' : 'edit';
  return {
    modules: { ...everyModule('none'), ...storeLevelModules, people, members, commission, stock },
    categories: 'all',
    seeCost: false,
    reports: everyReport({ print: true, export: true, perDay: null }),
  };
}

const accessRank: Record<ModuleAccess, number> = { none: 0, view: 1, edit: 2 };

/** Whether `access` is at least `need`. */
export const accessAllows = (access: ModuleAccess, need: Exclude<ModuleAccess, 'none'>): boolean => accessRank[access] >= accessRank[need];

/**
 * Whether `role` grants nothing beyond `own`, so a franchisee or manager may hand it to their
 * people: no module above theirs, no cost prices they cannot see, no category they cannot see,
 * no report output they may not make, and no looser daily limit.
 */
export function permissionsWithin(role: OfficePermissions, own: OfficePermissions): boolean {
  const modules = OfficeModule.options.every((m) => accessRank[role.modules[m]] <= accessRank[own.modules[m]]);
  const cost = !role.seeCost || own.seeCost;
  const categories = own.categories === 'all' || (role.categories !== 'all' && role.categories.every((id) => (own.categories as string[]).includes(id)));
  const reports = ReportKey.options.every((r) => {
    const [mine, theirs] = [own.reports[r], role.reports[r]];
    const limitOk = mine.perDay === null || (theirs.perDay !== null && theirs.perDay <= mine.perDay);
    return (!theirs.print || mine.print) && (!theirs.export || mine.export) && (!(theirs.print || theirs.export) || limitOk);
  });
  return modules && cost && categories && reports;
}

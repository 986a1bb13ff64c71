import { defaultOfficePermissions, defaultTillPermissions, ReportKey, TillKey, type OfficePermissions, type ReportOutputRule, type TillPermissions } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../auth/secrets';
import { categories } from '../catalog/catalog.tables';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { clerks, users } from '../org/org.tables';
import { permissionRoles } from '../roles/roles.tables';
import { DEMO_PASSWORD } from './demo-org';

const storeLevel = defaultOfficePermissions('franchisee');
/** The same print and export rule for every report. */
const everyReport = (perDay: number) =>
  Object.fromEntries(ReportKey.options.map((r) => [r, { print: true, export: true, perDay }])) as Record<ReportKey, ReportOutputRule>;
const views = { catalog: 'view', prices: 'view', promotions: 'view', members: 'view', reports: 'view', settings: 'view' } as const;

/**
 * The demo chain's office roles. A franchisee owner does not see cost prices: HQ's purchase costs
 * are the franchisor's, and what a franchisee pays HQ is a supply price of its own.
 */
const officeRoles: { code: string; nameZh: string; nameEn: string; permissions: OfficePermissions }[] = [
  { code: 'hq-admin', nameZh: '总部管理员', nameEn: 'HQ admin', permissions: defaultOfficePermissions('hq_admin') },
  {
    code: 'region-manager', nameZh: '区域经理', nameEn: 'Region manager',
    permissions: { ...storeLevel, modules: { ...storeLevel.modules, people: 'view', members: 'view', commission: 'view', stock: 'view' }, reports: everyReport(50) },
  },
  { code: 'franchisee', nameZh: '加盟商', nameEn: 'Franchisee owner', permissions: { ...storeLevel, reports: everyReport(50) } },
  {
    code: 'store-manager', nameZh: '店长', nameEn: 'Store manager',
    permissions: { ...storeLevel, reports: everyReport(20) },
  },
  {
    code: 'finance', nameZh: '财务', nameEn: 'Finance (read-only)',
    permissions: {
      modules: { ...defaultOfficePermissions('cashier').modules, ...views, suppliers: 'view', audit: 'view', commission: 'view' },
      categories: 'all', seeCost: true, reports: everyReport(20),
    },
  },
];

const keys = (policy: TillPermissions['keys'][TillKey]) => Object.fromEntries(TillKey.options.map((k) => [k, policy])) as TillPermissions['keys'];

/** The demo chain's till roles: a cashier needs a manager for refunds and may not open the drawer without a sale. */
const tillRoles: { code: string; nameZh: string; nameEn: string; permissions: TillPermissions }[] = [
  {
    code: 'cashier', nameZh: '收银员', nameEn: 'Cashier',
    permissions: {
      keys: { ...keys('manager_pin'), line_discount: 'allowed', ticket_discount: 'allowed', void_line: 'allowed', reprint: 'allowed', shift_close: 'allowed', no_sale: 'forbidden' },
      lineDiscountLimitBp: 500, ticketDiscountLimitBp: 500,
    },
  },
  {
    code: 'senior-cashier', nameZh: '资深收银员', nameEn: 'Senior cashier',
    permissions: {
      keys: { ...keys('allowed'), return_without_receipt: 'manager_pin', price_override: 'manager_pin', no_sale: 'manager_pin', cash_in_out: 'manager_pin' },
      lineDiscountLimitBp: 1000, ticketDiscountLimitBp: 1000,
    },
  },
  { code: 'till-store-manager', nameZh: '店长', nameEn: 'Store manager', permissions: defaultTillPermissions('store_manager') },
];

const officeRoleOfUser: Record<string, string> = {
  'hq@demo.pos': 'hq-admin', 'east@demo.pos': 'franchisee', 'west@demo.pos': 'franchisee', 's001@demo.pos': 'store-manager', 'finance@demo.pos': 'finance',
  'snacks@demo.pos': 'snacks-buyer',
};

/** A buyer who sees only the snacks (休闲零食) category and those below it (品类数据权限): their products, prices, exports and product sales. */
const snacksBuyer = (snacksId: string) => ({
  code: 'snacks-buyer', nameZh: '零食采购', nameEn: 'Snacks buyer',
  permissions: {
    modules: { ...defaultOfficePermissions('cashier').modules, ...views, suppliers: 'view', imports: 'edit' },
    categories: [snacksId], seeCost: true, reports: everyReport(20),
  } satisfies OfficePermissions,
});

/**
 * The demo chain's roles, given to its people: office roles to the users (with a finance user who
 * reads reports and exports 20 a day, and a snacks buyer who sees that category only), till roles to the clerks, who also get badge barcodes
 * (88 + 6 digits of their code) and commission grades (store managers A, senior cashiers B, others C).
 */
export async function seedDemoPeople({ db, clock }: Deps, chainId: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const roleIds = new Map<string, string>();
    const [snacks] = await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.chainId, chainId), eq(categories.code, 'SNK')));
    const rows = [
      ...[...officeRoles, snacksBuyer(snacks!.id)].map((r) => ({ ...r, kind: 'office' as const })),
      ...tillRoles.map((r) => ({ ...r, kind: 'till' as const })),
    ].map((r) => {
      const id = newId(clock);
      roleIds.set(r.code, id);
      return { chainId, id, updatedAt: clock(), ...r };
    });
    await tx.insert(permissionRoles).values(rows);
    await tx.insert(users).values([
      { chainId, id: newId(clock), email: 'finance@demo.pos', name: '财务 Finance', role: 'hq_admin', passwordHash },
      { chainId, id: newId(clock), email: 'snacks@demo.pos', name: '零食采购 Snacks Buyer', role: 'hq_admin', passwordHash },
    ]);
    for (const [email, code] of Object.entries(officeRoleOfUser)) {
      await tx.update(users).set({ permissionRoleId: roleIds.get(code)! }).where(and(eq(users.chainId, chainId), eq(users.email, email)));
    }
    const clerkRows = await tx.select({ id: clerks.id, code: clerks.code, role: clerks.role }).from(clerks).where(eq(clerks.chainId, chainId)).orderBy(clerks.code);
    for (const clerk of clerkRows) {
      const senior = clerk.role === 'cashier' && clerk.code.endsWith('2');
      const tillRole = clerk.role === 'store_manager' ? 'till-store-manager' : senior ? 'senior-cashier' : 'cashier';
      await tx
        .update(clerks)
        .set({ badgeCode: `88${clerk.code.padStart(6, '0')}`, commissionGrade: clerk.role === 'store_manager' ? 'A' : senior ? 'B' : 'C', permissionRoleId: roleIds.get(tillRole)! })
        .where(and(eq(clerks.chainId, chainId), eq(clerks.id, clerk.id)));
    }
  });
}

import { reportOutputs } from '@pos/hq-server/roles/roles.tables';
import { defaultOfficePermissions, OfficeSession, PermissionRole, StoreDayPrint, StoreDayReport, type OfficePermissions, type ReportOutputRule } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, signInOffice, type Fixture } from '../support/fixture';
import { signInWith } from '../support/people';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

const range = { from: '2026-11-01', to: '2026-11-22' };
const reader = defaultOfficePermissions('cashier');

/** A new user whose role reads reports with this print/export rule for the store-day report, signed in. */
async function userWith(code: string, rule: ReportOutputRule): Promise<{ token: string; userId: string }> {
  const permissions: OfficePermissions = { ...reader, reports: { ...reader.reports, store_day: rule } };
  const role = await f.app.request('/roles', json({ kind: 'office', code, nameZh: '报表', nameEn: 'Reports', permissions }, hq));
  expect(role.status).toBe(201);
  const made = await f.app.request('/users', json({ email: `${code}@demo.pos`, name: code, level: 'hq_admin', permissionRoleId: PermissionRole.parse(await role.json()).id, password: 'start1234' }, hq));
  expect(made.status).toBe(201);
  const session = OfficeSession.parse(await (await signInWith(f, `${code}@demo.pos`, 'start1234')).json());
  return { token: session.token, userId: session.user.id };
}

const print = (token: string) => f.app.request('/reports/store-day/print', json(range, token));
const exportCsv = (token: string) => f.app.request('/reports/store-day/export', json(range, token));

describe('printing and exporting the store-day report (报表打印权限)', () => {
  it('answers the report to print, counting prints and exports together against the role’s daily limit', async () => {
    const { token, userId } = await userWith('three-outputs', { print: true, export: true, perDay: 3 });
    const first = await print(token);
    expect(first.status).toBe(200);
    const printed = StoreDayPrint.parse(await first.json());
    expect(printed.remaining).toBe(2);
    const shown = StoreDayReport.parse(await (await f.app.request(`/reports/store-day?from=${range.from}&to=${range.to}`, bearer(token))).json());
    expect(printed.report).toEqual(shown);
    const exported = await exportCsv(token);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-exports-remaining')).toBe('1');
    expect(StoreDayPrint.parse(await (await print(token)).json()).remaining).toBe(0);
    const refused = await print(token);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'OUTPUT_LIMIT_REACHED', details: { report: 'store_day', perDay: 3 } } });
    expect((await exportCsv(token)).status).toBe(429);
    const rows = await f.deps.db.select({ format: reportOutputs.format }).from(reportOutputs).where(and(eq(reportOutputs.chainId, f.chainId), eq(reportOutputs.userId, userId)));
    expect(rows.map((r) => r.format).sort()).toEqual(['csv', 'print', 'print']);
  });

  it('refuses a print the role does not allow, while its export still goes through, and lets HQ print without limit', async () => {
    const { token } = await userWith('export-only', { print: false, export: true, perDay: null });
    const refused = await print(token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'MODULE_FORBIDDEN', details: { format: 'print' } } });
    const exported = await exportCsv(token);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-exports-remaining')).toBeNull();
    for (let i = 0; i < 3; i++) expect(StoreDayPrint.parse(await (await print(hq)).json()).remaining).toBeNull();
  });

  it('lets the day’s count start again on the chain’s next business day', async () => {
    const { token } = await userWith('one-print', { print: true, export: false, perDay: 1 });
    expect((await print(token)).status).toBe(200);
    expect((await print(token)).status).toBe(429);
    f.clock.advance(24 * 3_600_000);
    const tomorrow = OfficeSession.parse(await (await signInWith(f, 'one-print@demo.pos', 'start1234')).json()).token;
    expect((await print(tomorrow)).status).toBe(200);
  });
});

import type { ImportIssue } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPin } from '../../auth/secrets';
import { query } from '../../db/query';
import { storesInScope } from '../../http/scope';
import { newId } from '../../ids';
import { code, oneOf, pin, text, yesNo } from '../cells';
import { duplicates, type ParsedRow } from '../rows';
import { chunksOf, jsonParam, type BulkContext, type Checked, type ImportKindDef } from './kind';

const roles = { cashier: 'cashier', 收银员: 'cashier', store_manager: 'store_manager', 店长: 'store_manager', sales_clerk: 'sales_clerk', 导购: 'sales_clerk', 营业员: 'sales_clerk' } as const;

export const ClerkRow = z.object({
  code: code(), name: text(60), role: oneOf(roles).optional(), store: code().optional(), badge: code().optional(),
  commission_grade: text(20).optional(), pin: pin().optional(), active: yesNo().optional(),
});
export type ClerkRow = z.infer<typeof ClerkRow>;

const outOfScope = (row: number, column: string, value: string): ImportIssue => ({ row, column, code: 'OUT_OF_SCOPE', value, message: `${column} ${value} is not in a store you manage` });

/**
 * HQ imports any clerk; a franchisee only clerks of their own stores: every row's store must
 * be theirs, and a clerk number already in use must be a clerk of theirs. A store they do not
 * manage is reported the same whether or not it exists.
 */
async function checkClerks(ctx: BulkContext, rows: ParsedRow<ClerkRow>[]): Promise<Checked> {
  const hq = ctx.principal.role === 'hq_admin';
  const scope = await storesInScope(ctx.db, ctx.principal);
  const visible = new Map(scope.map((s) => [s.code, s.id]));
  const existing = new Map((await query<{ code: string; store_code: string | null; badge_code: string | null }>(ctx.db, sql`select c.code, s.code as store_code, c.badge_code
    from clerks c left join stores s on s.chain_id = c.chain_id and s.id = c.store_id
    where c.chain_id = ${ctx.chainId} and c.code in (select json_array_elements_text(${jsonParam(rows.map((r) => r.data.code))}))`)).map((c) => [c.code, c]));
  const badges = new Map((await query<{ badge_code: string; code: string }>(ctx.db, sql`select badge_code, code from clerks
    where chain_id = ${ctx.chainId} and badge_code in (select json_array_elements_text(${jsonParam(rows.flatMap((r) => (r.data.badge ? [r.data.badge] : [])))}))`)).map((b) => [b.badge_code, b.code]));
  const issues: ImportIssue[] = [...duplicates(rows, 'code', (d) => [d.code]), ...duplicates(rows, 'badge', (d) => [d.badge])];
  for (const { row, data } of rows) {
    const held = existing.get(data.code);
    if (held && !hq && (held.store_code === null || !visible.has(held.store_code))) issues.push(outOfScope(row, 'code', data.code));
    if (data.store === undefined && !hq) issues.push({ row, column: 'store', code: 'REQUIRED', message: 'store is required' });
    if (data.store !== undefined && !visible.has(data.store)) issues.push(hq ? { row, column: 'store', code: 'UNKNOWN_REFERENCE', value: data.store, message: `no store with code ${data.store}` } : outOfScope(row, 'store', data.store));
    if (!held && data.pin === undefined) issues.push({ row, column: 'pin', code: 'REQUIRED', message: 'a new clerk needs a PIN' });
    const badgeHolder = data.badge ? badges.get(data.badge) : undefined;
    if (badgeHolder !== undefined && badgeHolder !== data.code) issues.push({ row, column: 'badge', code: 'TAKEN', value: data.badge, ...(hq ? { holder: badgeHolder } : {}), message: 'another clerk has this badge' });
  }
  return { issues, existing: existing.size };
}

const columnOf: Record<string, string[]> = {
  name: ['name'], role: ['role'], store: ['store_id'], badge: ['badge_code'], commission_grade: ['commission_grade'], active: ['active'],
  pin: ['pin_salt', 'pin_hash', 'pin_iterations'],
};

const setOf = (c: string) => (c.startsWith('pin_') ? `${c} = case when excluded.pin_hash = '' then clerks.${c} else excluded.${c} end` : `${c} = excluded.${c}`);

/** Clerks by number; a PIN given is hashed as the till checks it, a PIN left empty keeps the clerk's. A deactivated clerk's sessions end. */
async function writeClerks(tx: Parameters<ImportKindDef<ClerkRow>['write']>[0], ctx: BulkContext, rows: ClerkRow[], present: ReadonlySet<string>) {
  const columns = Object.entries(columnOf).filter(([key]) => present.has(key)).flatMap(([, c]) => c);
  const onConflict = sql.raw(`on conflict (chain_id, code) do update set ${columns.map(setOf).join(', ')}`);
  let created = 0;
  let updated = 0;
  for (const chunk of chunksOf(rows, 500)) {
    const records = await Promise.all(chunk.map(async (r) => {
      const hash = r.pin === undefined ? null : await hashPin(r.pin);
      return {
        id: newId(ctx.clock), code: r.code, name: r.name, role: r.role ?? 'cashier', store: r.store ?? null, badge: r.badge ?? null, grade: r.commission_grade ?? null,
        active: r.active ?? true, salt: hash?.salt ?? '', hash: hash?.hash ?? '', iterations: hash?.iterations ?? 0,
      };
    }));
    const result = await query<{ inserted: boolean }>(tx, sql`insert into clerks (chain_id, id, store_id, code, name, role, badge_code, commission_grade, pin_salt, pin_hash, pin_iterations, active)
      select ${ctx.chainId}, r.id, s.id, r.code, r.name, r.role::clerk_role, r.badge, r.grade, r.salt, r.hash, r.iterations, r.active
      from json_to_recordset(${jsonParam(records)}) as r(id uuid, code text, name text, role text, store text, badge text, grade text, salt text, hash text, iterations int, active boolean)
      left join stores s on s.chain_id = ${ctx.chainId} and s.code = r.store
      ${onConflict} returning (xmax = 0) as inserted`);
    for (const r of result) r.inserted ? created++ : updated++;
  }
  await tx.execute(sql`update clerk_sessions cs set revoked_at = ${ctx.now.toISOString()} from clerks c
    where cs.chain_id = ${ctx.chainId} and c.chain_id = cs.chain_id and c.id = cs.clerk_id and not c.active and cs.revoked_at is null
      and c.code in (select json_array_elements_text(${jsonParam(rows.filter((r) => r.active === false).map((r) => r.code))}))`);
  return { created, updated, written: { clerks: created + updated } };
}

export const clerksImport: ImportKindDef<ClerkRow> = { schema: ClerkRow, maxRows: 5_000, check: checkClerks, write: writeClerks };

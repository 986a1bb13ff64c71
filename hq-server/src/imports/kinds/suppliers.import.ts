import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../db/query';
import { newId } from '../../ids';
import { code, email, oneOf, text, yesNo } from '../cells';
import { duplicates } from '../rows';
import { chunksOf, jsonParam, type ImportKindDef } from './kind';
import { existingKeys } from './references';

const settlements = { monthly: 'monthly', 月结: 'monthly', on_delivery: 'on_delivery', 货到付款: 'on_delivery', 现结: 'on_delivery' } as const;

export const SupplierRow = z.object({
  code: code(), name: text(120), contact_name: text(60).optional(), phone: text(40).optional(), email: email().optional(),
  address: text(200).optional(), settlement: oneOf(settlements).optional(), active: yesNo().optional(),
});
export type SupplierRow = z.infer<typeof SupplierRow>;

const columnOf: Record<string, string> = { name: 'name', contact_name: 'contact_name', phone: 'phone', email: 'email', address: 'address', settlement: 'settlement', active: 'active' };

/** Suppliers by code: new ones are created, existing ones take the columns the file has. */
export const suppliersImport: ImportKindDef<SupplierRow> = {
  schema: SupplierRow,
  maxRows: 50_000,
  check: async (ctx, rows) => ({
    issues: duplicates(rows, 'code', (d) => [d.code]),
    existing: (await existingKeys(ctx, 'suppliers', 'code', rows.map((r) => r.data.code))).size,
  }),
  write: async (tx, ctx, rows, present) => {
    const columns = Object.entries(columnOf).filter(([key]) => present.has(key)).map(([, c]) => c);
    const onConflict = sql.raw(`on conflict (chain_id, code) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at
      where (${columns.map((c) => `suppliers.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})`);
    let created = 0;
    let updated = 0;
    for (const chunk of chunksOf(rows)) {
      const records = chunk.map((r) => ({ ...r, id: newId(ctx.clock), settlement: r.settlement ?? 'monthly', active: r.active ?? true }));
      const result = await query<{ inserted: boolean }>(tx, sql`insert into suppliers (chain_id, id, code, name, contact_name, phone, email, address, settlement, active, updated_at)
        select ${ctx.chainId}, r.id, r.code, r.name, r.contact_name, r.phone, r.email, r.address, r.settlement::supplier_settlement, r.active, ${ctx.now.toISOString()}
        from json_to_recordset(${jsonParam(records)}) as r(id uuid, code text, name text, contact_name text, phone text, email text, address text, settlement text, active boolean)
        ${onConflict} returning (xmax = 0) as inserted`);
      for (const r of result) r.inserted ? created++ : updated++;
    }
    return { created, updated, written: { suppliers: created + updated } };
  },
};

import type { ImportIssue } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../db/query';
import { newId } from '../../ids';
import { openMemberAccounts } from '../../members/open-accounts';
import { birthday, cardNo, code, phone, text, yesNo } from '../cells';
import { duplicates, unknownReference, type ParsedRow } from '../rows';
import { chunksOf, jsonParam, type BulkContext, type Checked, type ImportKindDef } from './kind';
import { codesOf, existingKeys } from './references';

export const MemberRow = z.object({ card_no: cardNo(), name: text(60), phone: phone().optional(), level: code(), birthday: birthday().optional(), active: yesNo().optional() });
export type MemberRow = z.infer<typeof MemberRow>;

/** An active member's phone is theirs alone in the chain: refused when another card (in the file or at HQ) holds it. */
async function checkMembers(ctx: BulkContext, rows: ParsedRow<MemberRow>[]): Promise<Checked> {
  const levels = await codesOf(ctx, 'member_levels');
  const activeRows = rows.filter((r) => r.data.active !== false);
  const phones = activeRows.flatMap((r) => (r.data.phone ? [r.data.phone] : []));
  const holders = new Map((await query<{ phone: string; card_no: string }>(ctx.db, sql`select phone, card_no from members
    where chain_id = ${ctx.chainId} and active and phone in (select json_array_elements_text(${jsonParam(phones)}))`)).map((h) => [h.phone, h.card_no]));
  const issues: ImportIssue[] = [...duplicates(rows, 'card_no', (d) => [d.card_no]), ...duplicates(activeRows, 'phone', (d) => [d.phone])];
  for (const { row, data } of rows) {
    if (!levels.has(data.level)) issues.push(unknownReference(row, 'level', data.level));
    const holder = data.phone && data.active !== false ? holders.get(data.phone) : undefined;
    if (holder !== undefined && holder !== data.card_no) issues.push({ row, column: 'phone', code: 'TAKEN', value: data.phone, holder, message: `an active member (card ${holder}) has this phone` });
  }
  return { issues, existing: (await existingKeys(ctx, 'members', 'card_no', rows.map((r) => r.data.card_no))).size };
}

const columnOf: Record<string, string> = { name: 'name', phone: 'phone', level: 'level_id', birthday: 'birthday', active: 'active' };

/** Members by card number: new ones are enrolled now, existing ones take the columns the file has. */
export const membersImport: ImportKindDef<MemberRow> = {
  schema: MemberRow,
  maxRows: 200_000,
  check: checkMembers,
  write: async (tx, ctx, rows, present) => {
    const columns = Object.entries(columnOf).filter(([key]) => present.has(key)).map(([, c]) => c);
    const onConflict = sql.raw(`on conflict (chain_id, card_no) do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}
      where (${columns.map((c) => `members.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})`);
    let created = 0;
    let updated = 0;
    for (const chunk of chunksOf(rows)) {
      const records = chunk.map((r) => ({ id: newId(ctx.clock), card_no: r.card_no, name: r.name, phone: r.phone ?? null, level: r.level, birthday: r.birthday ?? null, active: r.active ?? true }));
      const result = await query<{ inserted: boolean }>(tx, sql`insert into members (chain_id, id, account_id, card_no, phone, name, level_id, birthday, active, created_at)
        select ${ctx.chainId}, r.id, r.id, r.card_no, r.phone, r.name, l.id, r.birthday, r.active, ${ctx.now.toISOString()}
        from json_to_recordset(${jsonParam(records)}) as r(id uuid, card_no text, phone text, name text, level text, birthday text, active boolean)
        join member_levels l on l.chain_id = ${ctx.chainId} and l.code = r.level
        ${onConflict} returning (xmax = 0) as inserted`);
      for (const r of result) r.inserted ? created++ : updated++;
    }
    await openMemberAccounts(tx, ctx.chainId, ctx.now);
    return { created, updated, written: { members: created + updated } };
  },
};

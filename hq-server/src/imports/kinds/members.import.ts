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
  const holders = new Map((await query<{ phone: string; card_no: string }>(ctx.db, sql`select m.phone, c.card_no from members m
    join member_cards c on c.chain_id = m.chain_id and c.member_id = m.id and c.status in ('active', 'lost', 'issued')
    where m.chain_id = ${ctx.chainId} and m.active and m.phone in (select json_array_elements_text(${jsonParam(phones)}))`)).map((h) => [h.phone, h.card_no]));
  const issues: ImportIssue[] = [...duplicates(rows, 'card_no', (d) => [d.card_no]), ...duplicates(activeRows, 'phone', (d) => [d.phone])];
  for (const { row, data } of rows) {
    if (!levels.has(data.level)) issues.push(unknownReference(row, 'level', data.level));
    const holder = data.phone && data.active !== false ? holders.get(data.phone) : undefined;
    if (holder !== undefined && holder !== data.card_no) issues.push({ row, column: 'phone', code: 'TAKEN', value: data.phone, holder, message: `an active member (card ${holder}) has this phone` });
  }
  return { issues, existing: (await existingKeys(ctx, 'member_cards', 'card_no', rows.map((r) => r.data.card_no))).size };
}

const columnOf: Record<string, string> = { name: 'name', phone: 'phone', level: 'level_id', birthday: 'birthday', active: 'active' };
/** Where an updated column's new value comes from: the file's row, or the level its code names. */
const sourceOf = (column: string) => (column === 'level_id' ? 'l.id' : `e.${column}`);

/**
 * Members by card number: a number no card of the chain has enrolls a new member with their own
 * account and that card (active, or cancelled for an inactive row); a known number updates the
 * card's member with the columns the file has.
 */
export const membersImport: ImportKindDef<MemberRow> = {
  schema: MemberRow,
  maxRows: 200_000,
  check: checkMembers,
  write: async (tx, ctx, rows, present) => {
    const columns = Object.entries(columnOf).filter(([key]) => present.has(key)).map(([, c]) => c);
    const update = sql.raw(`update members m set ${columns.map((c) => `${c} = ${sourceOf(c)}`).join(', ')}
      from existing e join member_levels l on l.chain_id = e.chain_id and l.code = e.level
      where m.chain_id = e.chain_id and m.id = e.member_id
        and (${columns.map((c) => `m.${c}`).join(', ')}) is distinct from (${columns.map(sourceOf).join(', ')})
      returning m.id`);
    let created = 0;
    let updated = 0;
    const now = ctx.now.toISOString();
    for (const chunk of chunksOf(rows)) {
      const records = chunk.map((r) => ({ id: newId(ctx.clock), card_no: r.card_no, name: r.name, phone: r.phone ?? null, level: r.level, birthday: r.birthday ?? null, active: r.active ?? true }));
      const [counts] = await query<{ created: number; updated: number }>(tx, sql`
        with r as (
          select * from json_to_recordset(${jsonParam(records)}) as r(id uuid, card_no text, phone text, name text, level text, birthday text, active boolean)
        ),
        existing as (
          select r.*, c.chain_id, c.member_id from r join member_cards c on c.chain_id = ${ctx.chainId} and c.card_no = r.card_no
        ),
        updated as (${update}),
        fresh as (
          insert into members (chain_id, id, account_id, phone, name, level_id, birthday, active, created_at)
          select ${ctx.chainId}, r.id, r.id, r.phone, r.name, l.id, r.birthday, r.active, ${now}
          from r join member_levels l on l.chain_id = ${ctx.chainId} and l.code = r.level
          where not exists (select 1 from existing e where e.card_no = r.card_no)
          returning id, active
        ),
        cards as (
          insert into member_cards (chain_id, id, card_no, member_id, status, issued_at, status_changed_at)
          select ${ctx.chainId}, f.id, r.card_no, f.id, case when f.active then 'active'::member_card_status else 'cancelled'::member_card_status end, ${now}, ${now}
          from fresh f join r on r.id = f.id
        )
        select (select count(*) from fresh)::int as created, (select count(*) from updated)::int as updated`);
      created += counts?.created ?? 0;
      updated += counts?.updated ?? 0;
    }
    await openMemberAccounts(tx, ctx.chainId, ctx.now);
    return { created, updated, written: { members: created + updated } };
  },
};

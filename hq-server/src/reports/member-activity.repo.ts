import type { AnalysedMember, MemberActivity } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import { maskPhone } from '../members/mask-phone';

/** Whose purchases count: the stores in view (null: the whole chain, never-bought members included), and the members' level. */
export interface ActivityView {
  chainId: string;
  storeIds: string[] | null;
  levelId?: string | undefined;
}

/** What a list or an export shows of a member beside their figures. */
export type MemberFace = Pick<AnalysedMember, 'memberId' | 'cardNo' | 'name' | 'phoneMasked' | 'consentToMessages' | 'level'>;

interface ActivityRow {
  id: string;
  first_day: string | null;
  last_day: string | null;
  tickets: number | string;
  spend: string;
}

interface FaceRow {
  id: string;
  card_no: string | null;
  name: string;
  phone: string | null;
  consent: boolean;
  level_id: string;
  level_code: string;
  level_zh: string;
  level_en: string;
}

const inStores = (storeIds: string[] | null) => (storeIds === null ? sql`` : sql`and s.store_id = any(${uuidArray(storeIds)}::uuid[])`);

/** The member's active card (the first issued, should a merge have brought two). */
const activeCard = sql`(select c.card_no from member_cards c where c.chain_id = m.chain_id and c.member_id = m.id and c.status = 'active' order by c.issued_at, c.id limit 1)`;

/**
 * Every active member in view with their purchases, in one statement: up to `to`, their first and
 * last purchase in the stores in view; over `from`–`to`, their tickets there and their spend, the
 * sales' totals less what returns made in the period took back of sales there (the lines' refunds
 * less claw-back, less an exchange's goods going out, as the level job counts it). A return counts
 * against the store of the sale it takes back. With the whole chain, members who had joined by
 * `to` and never bought are in it too; with `faces`, each row also carries what a list shows.
 */
export async function memberActivity(db: Db, view: ActivityView, range: { from: string; to: string }, faces = false): Promise<(MemberActivity & { face?: MemberFace })[]> {
  const { chainId, storeIds } = view;
  const rows = await query<ActivityRow & Partial<FaceRow>>(db, sql`
    with bought as (
      select s.member_id, min(s.business_date) as first_day, max(s.business_date) as last_day,
             count(*) filter (where s.business_date >= ${range.from}::date) as tickets,
             coalesce(sum(s.total_minor) filter (where s.business_date >= ${range.from}::date), 0) as sales
      from sales s
      where s.chain_id = ${chainId} and s.member_id is not null and s.business_date <= ${range.to}::date ${inStores(storeIds)}
      group by s.member_id
    ),
    returned as (
      select s.member_id, sum(r.out_minor - r.back_minor + r.clawback_minor) as amount
      from returns r join sales s on s.chain_id = r.chain_id and s.id = r.original_sale_id
      where r.chain_id = ${chainId} and r.business_date between ${range.from}::date and ${range.to}::date and s.member_id is not null ${inStores(storeIds)}
      group by s.member_id
    )
    select m.id, b.first_day::text, b.last_day::text, coalesce(b.tickets, 0) as tickets, (coalesce(b.sales, 0) + coalesce(rt.amount, 0))::text as spend
      ${faces ? sql`, ${activeCard} as card_no, m.name, m.phone, m.consent_to_messages as consent, l.id as level_id, l.code as level_code, l.name_zh as level_zh, l.name_en as level_en` : sql``}
    from members m
    join chains ch on ch.id = m.chain_id
    ${storeIds === null ? sql`left join` : sql`join`} bought b on b.member_id = m.id
    left join returned rt on rt.member_id = m.id
    ${faces ? sql`join member_levels l on l.chain_id = m.chain_id and l.id = m.level_id` : sql``}
    where m.chain_id = ${chainId} and m.active ${view.levelId ? sql`and m.level_id = ${view.levelId}` : sql``}
      and (b.member_id is not null or m.created_at < (${range.to}::date + 1)::timestamp at time zone ch.time_zone)`);
  return rows.map((r) => ({
    memberId: r.id, tickets: Number(r.tickets), spendMinor: Number(r.spend), firstPurchase: r.first_day, lastPurchase: r.last_day,
    ...(faces ? { face: faceOf(r as FaceRow) } : {}),
  }));
}

/** The faces of the members on one page, by id. */
export async function memberFaces(db: Db, chainId: string, memberIds: readonly string[]): Promise<Map<string, MemberFace>> {
  if (memberIds.length === 0) return new Map();
  const rows = await query<FaceRow>(db, sql`
    select m.id, ${activeCard} as card_no, m.name, m.phone, m.consent_to_messages as consent, l.id as level_id, l.code as level_code, l.name_zh as level_zh, l.name_en as level_en
    from members m join member_levels l on l.chain_id = m.chain_id and l.id = m.level_id
    where m.chain_id = ${chainId} and m.id = any(${uuidArray(memberIds)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, faceOf(r)]));
}

const faceOf = (r: FaceRow): MemberFace => ({
  memberId: r.id, cardNo: r.card_no, name: r.name, phoneMasked: r.phone === null ? null : maskPhone(r.phone), consentToMessages: r.consent,
  level: { id: r.level_id, code: r.level_code, nameZh: r.level_zh, nameEn: r.level_en },
});

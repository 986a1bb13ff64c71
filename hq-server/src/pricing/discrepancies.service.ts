import type { DiscrepancyList, DiscrepancyQuery, PricingDiscrepancy } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { storeInScope, storesInScope } from '../http/scope';

interface Row {
  id: string;
  sale_id: string;
  store_id: string;
  store_code: string;
  receipt_no: string;
  completed_at: string;
  line_id: string | null;
  product_id: string | null;
  sku: string | null;
  name_zh: string | null;
  name_en: string | null;
  till_minor: string;
  hq_minor: string;
  difference_minor: string;
  detail: Record<string, unknown>;
  created_at: string;
}

/** A discount as the difference's detail keeps it: the till's adjustments carry their rule's name, HQ's discounts only its id. */
interface Taken {
  ruleId?: unknown;
  ruleName?: unknown;
  amountMinor?: unknown;
}

const taken = (value: unknown): Taken[] => (Array.isArray(value) ? value.filter((v): v is Taken => typeof v === 'object' && v !== null) : []);

/** A rule of a difference before its name is looked up: null where the till did not record one. */
type FoundRule = Omit<PricingDiscrepancy['rules'][number], 'name'> & { name: string | null };

/**
 * The rules a difference involves, each with what the till and HQ took off for it: from the till's
 * adjustments and HQ's discounts on the line, or the one rule a gift or voucher difference names.
 */
function rulesOf(detail: Record<string, unknown>): FoundRule[] {
  const rules = new Map<string, FoundRule>();
  const rule = (id: string, name: unknown) => {
    const found = rules.get(id) ?? { id, name: typeof name === 'string' ? name : null, tillMinor: null, hqMinor: null };
    rules.set(id, found);
    return found;
  };
  const add = (side: 'tillMinor' | 'hqMinor', t: Taken) => {
    if (typeof t.ruleId !== 'string') return;
    const r = rule(t.ruleId, t.ruleName);
    r[side] = (r[side] ?? 0) + (typeof t.amountMinor === 'number' ? t.amountMinor : 0);
  };
  for (const t of taken(detail.tillAdjustments)) add('tillMinor', t);
  for (const t of taken(detail.hqDiscounts)) add('hqMinor', t);
  if (typeof detail.ruleId === 'string') rule(detail.ruleId, undefined);
  return [...rules.values()];
}

/**
 * Differences between till and HQ pricing in the stores the caller may see, newest first: each
 * with its sale, product, problem, rules, and whether the till priced with older data than HQ.
 */
export async function listDiscrepancies(db: Db, principal: Principal, q: DiscrepancyQuery): Promise<DiscrepancyList> {
  const storeIds = q.storeId ? [(await storeInScope(db, principal, q.storeId)).id] : (await storesInScope(db, principal)).map((s) => s.id);
  if (storeIds.length === 0) return { items: [] };
  const rows = await query<Row>(db, sql`
    select d.id, d.sale_id, d.store_id, st.code as store_code, s.receipt_no,
           to_char(s.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as completed_at,
           d.line_id, p.id as product_id, p.sku, p.name_zh, p.name_en,
           d.till_minor::text, d.hq_minor::text, d.difference_minor::text, d.detail,
           to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
    from pricing_discrepancies d
    join sales s on s.chain_id = d.chain_id and s.id = d.sale_id
    join stores st on st.chain_id = d.chain_id and st.id = d.store_id
    left join products p on p.chain_id = d.chain_id and p.id::text = d.detail->>'productId'
    where d.chain_id = ${principal.chainId} and d.store_id = any(${uuidArray(storeIds)}::uuid[])
      ${q.saleId ? sql`and d.sale_id = ${q.saleId}` : sql``}
      ${q.behind === undefined ? sql`` : sql`and coalesce((d.detail->>'tillBehind')::boolean, false) = ${q.behind}`}
    order by d.created_at desc, d.sale_id, d.line_id
    limit ${q.limit}`);
  const found = rows.map((r) => rulesOf(r.detail));
  const ruleIds = [...new Set(found.flat().filter((rule) => rule.name === null).map((rule) => rule.id))];
  const names = new Map((await query<{ id: string; name: string }>(db, sql`
    select id::text, name from promotions
    where chain_id = ${principal.chainId} and id::text in (select jsonb_array_elements_text(${JSON.stringify(ruleIds)}::jsonb))`)).map((p) => [p.id, p.name]));
  return {
    items: rows.map((r, i) => ({
      id: r.id, saleId: r.sale_id, storeId: r.store_id, storeCode: r.store_code, receiptNo: r.receipt_no, completedAt: r.completed_at, lineId: r.line_id,
      product: r.product_id ? { id: r.product_id, sku: r.sku!, nameZh: r.name_zh!, nameEn: r.name_en! } : null,
      tillMinor: Number(r.till_minor), hqMinor: Number(r.hq_minor), differenceMinor: Number(r.difference_minor),
      problem: typeof r.detail.problem === 'string' ? r.detail.problem : null,
      tillBehind: typeof r.detail.tillBehind === 'boolean' ? r.detail.tillBehind : null,
      rules: found[i]!.map((rule) => ({ ...rule, name: rule.name ?? names.get(rule.id) ?? rule.id })), detail: r.detail, createdAt: r.created_at,
    })),
  };
}

import type { ApprovalList, ApprovalsQuery, TillKey } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { StoreInScope } from '../http/scope';

const sortColumns = { at: sql`at`, key: sql`key`, receiptNo: sql`receipt_no` } as const;

interface Row {
  id: string; key: string; at: string | Date; document: 'sale' | 'return'; document_id: string; receipt_no: string; business_date: string; store_id: string;
  line_name_zh: string | null; line_name_en: string | null;
  requester_id: string; requester_code: string; requester_name: string; approver_id: string; approver_code: string; approver_name: string;
  total: string | number;
}

/**
 * Manager overrides of these stores, on sales and on returns, joined to their document (number,
 * business day), the line they were on and the two clerks. Filtered by the document's business
 * day, which is the store's own calendar day; ties are broken by id so pages never repeat a row.
 */
export async function findApprovals(db: Db, chainId: string, stores: readonly StoreInScope[], q: ApprovalsQuery): Promise<ApprovalList> {
  if (stores.length === 0) return { items: [], total: 0 };
  const storeIds = sql.join(stores.map((s) => sql`${s.id}::uuid`), sql`, `);
  const filters: SQL[] = [sql`a.store_id in (${storeIds})`];
  if (q.from) filters.push(sql`business_date >= ${q.from}::date`);
  if (q.to) filters.push(sql`business_date <= ${q.to}::date`);
  if (q.key && q.key.length > 0) filters.push(sql`a.key in (${sql.join(q.key.map((k) => sql`${k}`), sql`, `)})`);
  const where = sql.join(filters, sql` and `);
  const direction = q.order === 'asc' ? sql`asc` : sql`desc`;
  const rows = await query<Row>(db, sql`
    with overrides as (
      select a.id, a.key, a.at, 'sale' as document, s.id as document_id, s.receipt_no, s.business_date, a.store_id, a.requested_by, a.approved_by,
             l.name_zh as line_name_zh, l.name_en as line_name_en
      from sale_approvals a
      join sales s on s.chain_id = a.chain_id and s.id = a.sale_id
      left join sale_lines l on l.chain_id = a.chain_id and l.id = a.line_id
      where a.chain_id = ${chainId} and ${where}
      union all
      select a.id, a.key, a.at, 'return', r.id, r.return_no, r.business_date, a.store_id, a.requested_by, a.approved_by, l.name_zh, l.name_en
      from return_approvals a
      join returns r on r.chain_id = a.chain_id and r.id = a.return_id
      left join return_lines l on l.chain_id = a.chain_id and l.id = a.line_id
      where a.chain_id = ${chainId} and ${where}
    )
    select o.id, o.key, o.at, o.document, o.document_id, o.receipt_no, o.business_date::text as business_date, o.store_id, o.line_name_zh, o.line_name_en, rq.id as requester_id, rq.code as requester_code, rq.name as requester_name,
           ap.id as approver_id, ap.code as approver_code, ap.name as approver_name, count(*) over () as total
    from overrides o
    join clerks rq on rq.chain_id = ${chainId} and rq.id = o.requested_by
    join clerks ap on ap.chain_id = ${chainId} and ap.id = o.approved_by
    order by ${sortColumns[q.sort]} ${direction}, o.id ${direction}
    limit ${q.limit} offset ${q.offset}`);
  const total = rows.length > 0 ? Number(rows[0]!.total) : q.offset > 0 ? await countApprovals(db, chainId, where) : 0;
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, key: r.key as TillKey, at: new Date(r.at).toISOString(), document: r.document, saleId: r.document_id, receiptNo: r.receipt_no,
      businessDate: r.business_date,
      storeId: r.store_id, storeCode: storeCode.get(r.store_id) ?? '',
      lineName: r.line_name_zh !== null && r.line_name_en !== null ? { nameZh: r.line_name_zh, nameEn: r.line_name_en } : null,
      requestedBy: { id: r.requester_id, code: r.requester_code, name: r.requester_name },
      approvedBy: { id: r.approver_id, code: r.approver_code, name: r.approver_name },
    })),
  };
}

/** How many overrides match, for a page past the last. */
async function countApprovals(db: Db, chainId: string, where: SQL): Promise<number> {
  const [row] = await query<{ n: string | number }>(db, sql`
    select (select count(*) from sale_approvals a join sales s on s.chain_id = a.chain_id and s.id = a.sale_id where a.chain_id = ${chainId} and ${where})
         + (select count(*) from return_approvals a join returns r on r.chain_id = a.chain_id and r.id = a.return_id where a.chain_id = ${chainId} and ${where}) as n`);
  return Number(row?.n ?? 0);
}

import type { ShiftDetail, ShiftListQuery, ShiftMovementRecord, ShiftPage, ShiftSummary, ShiftTotals } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { StoreInScope } from '../http/scope';

interface ShiftRow {
  id: string; store_id: string; device_id: string; device_code: string | null; business_date: string; currency: string;
  opened_at: Date | string; float_minor: string | number; cashier_id: string | null; cashier_code: string | null; cashier_name: string | null;
  cash_in: string | number; cash_out: string | number; sales_minor: string | number; ticket_count: string | number;
  closed_at: Date | string | null; expected_cash_minor: string | number | null; counted_cash_minor: string | number | null;
  difference_minor: string | number | null; totals: ShiftTotals | null; documents_waiting: number | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const num = (value: string | number) => Number(value);
const numOrNull = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * The shifts' rows with their movements summed and, until they close, the sales HQ holds of
 * them; one statement, each sum through a lateral sub-select on the shift's own index.
 */
function shiftRows(chainId: string, where: SQL, order: SQL, limit: number, offset: number): SQL {
  return sql`
    select s.id, s.store_id, s.device_id, d.code as device_code, s.business_date::text as business_date, s.currency, s.opened_at, s.float_minor,
      c.id as cashier_id, c.code as cashier_code, c.name as cashier_name,
      m.cash_in, m.cash_out, coalesce((x.totals->>'salesMinor')::bigint, live.sales_minor) as sales_minor,
      coalesce((x.totals->>'ticketCount')::int, live.ticket_count) as ticket_count,
      x.closed_at, x.expected_cash_minor, x.counted_cash_minor, x.difference_minor, x.totals, x.documents_waiting
    from shifts s
    left join till_devices d on d.chain_id = s.chain_id and d.id = s.device_id
    left join clerks c on c.chain_id = s.chain_id and c.id = s.cashier_id
    left join shift_closes x on x.chain_id = s.chain_id and x.shift_id = s.id
    cross join lateral (
      select coalesce(sum(amount_minor) filter (where direction = 'in'), 0) as cash_in, coalesce(sum(amount_minor) filter (where direction = 'out'), 0) as cash_out
      from cash_movements where chain_id = s.chain_id and shift_id = s.id) m
    cross join lateral (
      select coalesce(sum(total_minor + rounding_minor), 0) as sales_minor, count(*) as ticket_count
      from sales where chain_id = s.chain_id and shift_id = s.id and x.id is null) live
    where s.chain_id = ${chainId} and ${where}
    order by ${order}
    limit ${limit} offset ${offset}`;
}

function summaryOf(row: ShiftRow, storeCode: ReadonlyMap<string, string>): ShiftSummary {
  return {
    id: row.id, storeId: row.store_id, storeCode: storeCode.get(row.store_id) ?? '', deviceId: row.device_id, deviceCode: row.device_code,
    cashier: row.cashier_id && row.cashier_code !== null && row.cashier_name !== null ? { id: row.cashier_id, code: row.cashier_code, name: row.cashier_name } : null,
    businessDate: row.business_date, currency: row.currency, openedAt: iso(row.opened_at), closedAt: row.closed_at === null ? null : iso(row.closed_at),
    status: row.closed_at === null ? 'open' : 'closed', floatMinor: num(row.float_minor) as ShiftSummary['floatMinor'],
    cashInMinor: num(row.cash_in) as ShiftSummary['cashInMinor'], cashOutMinor: num(row.cash_out) as ShiftSummary['cashOutMinor'],
    salesMinor: num(row.sales_minor) as ShiftSummary['salesMinor'], ticketCount: num(row.ticket_count),
    expectedCashMinor: numOrNull(row.expected_cash_minor) as ShiftSummary['expectedCashMinor'],
    countedCashMinor: numOrNull(row.counted_cash_minor) as ShiftSummary['countedCashMinor'],
    differenceMinor: numOrNull(row.difference_minor) as ShiftSummary['differenceMinor'],
    documentsWaiting: numOrNull(row.documents_waiting),
  };
}

function filters(stores: readonly StoreInScope[], q: Pick<ShiftListQuery, 'from' | 'to' | 'status'>): SQL {
  const parts: SQL[] = [sql`s.store_id in (${sql.join(stores.map((s) => sql`${s.id}::uuid`), sql`, `)})`];
  if (q.from) parts.push(sql`s.business_date >= ${q.from}::date`);
  if (q.to) parts.push(sql`s.business_date <= ${q.to}::date`);
  if (q.status === 'open') parts.push(sql`not exists (select 1 from shift_closes o where o.chain_id = s.chain_id and o.shift_id = s.id)`);
  if (q.status === 'closed') parts.push(sql`exists (select 1 from shift_closes o where o.chain_id = s.chain_id and o.shift_id = s.id)`);
  return sql.join(parts, sql` and `);
}

/** A page of the shifts of these stores, by the business day they opened; ties broken by id so pages never repeat a row. */
export async function findShifts(db: Db, chainId: string, stores: readonly StoreInScope[], q: ShiftListQuery): Promise<ShiftPage> {
  if (stores.length === 0) return { items: [], total: 0 };
  const where = filters(stores, q);
  const direction = q.order === 'asc' ? sql`asc` : sql`desc`;
  const column = q.sort === 'differenceMinor' ? sql`x.difference_minor ${direction} nulls last` : sql`s.opened_at ${direction}`;
  const [rows, counted] = await Promise.all([
    query<ShiftRow>(db, shiftRows(chainId, where, sql`${column}, s.id ${direction}`, q.limit, q.offset)),
    query<{ n: string | number }>(db, sql`select count(*) as n from shifts s where s.chain_id = ${chainId} and ${where}`),
  ]);
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return { items: rows.map((r) => summaryOf(r, storeCode)), total: Number(counted[0]?.n ?? 0) };
}

interface MovementRow {
  id: string; at: Date | string; direction: 'in' | 'out'; amount_minor: string | number; note: string | null;
  reason_id: string | null; reason_code: string | null; reason_zh: string | null; reason_en: string | null;
  cashier_id: string | null; cashier_code: string | null; cashier_name: string | null;
  approver_id: string | null; approver_code: string | null; approver_name: string | null;
}

const clerkRef = (id: string | null, code: string | null, name: string | null) => (id && code !== null && name !== null ? { id, code, name } : null);

/** One shift of these stores with its movements and close, or null when there is none in scope. */
export async function findShift(db: Db, chainId: string, stores: readonly StoreInScope[], id: string): Promise<ShiftDetail | null> {
  if (stores.length === 0) return null;
  const [row] = await query<ShiftRow & { open_denominations: ShiftDetail['openDenominations'] }>(db, shiftRows(chainId, sql`s.id = ${id}::uuid and ${filters(stores, {})}`, sql`s.id`, 1, 0));
  if (!row) return null;
  const [movements, closes] = await Promise.all([
    query<MovementRow>(db, sql`
      select m.id, m.at, m.direction, m.amount_minor, m.note, r.id as reason_id, r.code as reason_code, r.name_zh as reason_zh, r.name_en as reason_en,
        c.id as cashier_id, c.code as cashier_code, c.name as cashier_name, a.id as approver_id, a.code as approver_code, a.name as approver_name
      from cash_movements m
      left join cash_reasons r on r.chain_id = m.chain_id and r.id = m.reason_id
      left join clerks c on c.chain_id = m.chain_id and c.id = m.cashier_id
      left join clerks a on a.chain_id = m.chain_id and a.id = (m.approval->>'approvedBy')::uuid
      where m.chain_id = ${chainId} and m.shift_id = ${id}::uuid order by m.at, m.id`),
    query<{ denominations: ShiftDetail['openDenominations']; totals: ShiftTotals; open_denominations: ShiftDetail['openDenominations'];
      closer_id: string | null; closer_code: string | null; closer_name: string | null; approver_id: string | null; approver_code: string | null; approver_name: string | null }>(db, sql`
      select x.denominations, x.totals, s.denominations as open_denominations,
        c.id as closer_id, c.code as closer_code, c.name as closer_name, a.id as approver_id, a.code as approver_code, a.name as approver_name
      from shifts s
      left join shift_closes x on x.chain_id = s.chain_id and x.shift_id = s.id
      left join clerks c on c.chain_id = x.chain_id and c.id = x.closed_by
      left join clerks a on a.chain_id = x.chain_id and a.id = (x.approval->>'approvedBy')::uuid
      where s.chain_id = ${chainId} and s.id = ${id}::uuid`),
  ]);
  const close = closes[0];
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    shift: summaryOf(row, storeCode),
    openDenominations: close?.open_denominations ?? null,
    movements: movements.map((m): ShiftMovementRecord => ({
      id: m.id, at: iso(m.at), direction: m.direction, amountMinor: num(m.amount_minor) as ShiftMovementRecord['amountMinor'], note: m.note,
      reason: m.reason_id && m.reason_code !== null && m.reason_zh !== null && m.reason_en !== null ? { id: m.reason_id, code: m.reason_code, nameZh: m.reason_zh, nameEn: m.reason_en } : null,
      cashier: clerkRef(m.cashier_id, m.cashier_code, m.cashier_name), approvedBy: clerkRef(m.approver_id, m.approver_code, m.approver_name),
    })),
    close: close?.totals
      ? { closedBy: clerkRef(close.closer_id, close.closer_code, close.closer_name), approvedBy: clerkRef(close.approver_id, close.approver_code, close.approver_name), denominations: close.denominations, totals: close.totals }
      : null,
  };
}

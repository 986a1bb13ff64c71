import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import { verifyPointsPools } from '../points/verify-points';

/** One account whose running total disagrees with its ledger. */
export interface LedgerDifference {
  ledger: string;
  chainId: string;
  accountId: string;
  /**
   * What disagrees: the balance with the sum of the entries, the bonus part with the sum of theirs,
   * the balance with the newest entry's balance after it, the receivable with what its open
   * receivables still owe, (points) the lots still held with the balance, or (stock) a place's
   * level of a product with the sum of its movements, or its stock on the way with what shipments
   * still on the way carry there, in units, or its value at cost with what the moving-average rule
   * allows (never below zero, and zero with nothing on hand), in minor units.
   */
  problem: 'balance' | 'bonus' | 'last_balance_after' | 'receivable' | 'lots' | 'level' | 'in_transit' | 'value';
  accountMinor: number;
  ledgerMinor: number;
}

/** A ledger's proof that its balances equal the sums of its entries (rule 5); a new ledger adds one to `ledgerChecks`. */
export interface LedgerCheck {
  ledger: string;
  /** Every account of every chain the check covers, to say how much was proved. */
  countAccounts(db: Db): Promise<number>;
  differences(db: Db): Promise<LedgerDifference[]>;
}

type Row = {
  chain_id: string; account_id: string; balance_minor: string; bonus_minor: string; entries_minor: string; entries_bonus_minor: string; last_ok: boolean; last_minor: string | null;
  receivable_minor: string; open_minor: string;
};

/**
 * Stored value: each account's balance is the sum of its entries' amounts, its bonus part the sum
 * of their bonus parts, and the newest entry's balance after it is the balance. Entries posted in
 * one transaction share their instant (a top-up and its bonus), so the newest is any entry of the
 * account's last instant whose balance after it is the balance. What an account owes from offline
 * payments is beside the balance, never in it: its receivable is what its open receivables still owe.
 */
export const storedValueCheck: LedgerCheck = {
  ledger: 'stored_value',
  countAccounts: async (db) => Number((await query<{ n: string }>(db, sql`select count(*) as n from member_accounts`))[0]!.n),
  differences: async (db) => {
    const rows = await query<Row>(db, sql`
      with sums as (
        select chain_id, account_id, sum(amount_minor) as minor, sum(bonus_minor) as bonus, max(created_at) as last_at
        from stored_value_entries group by chain_id, account_id
      )
      select a.chain_id, a.id as account_id, a.balance_minor, a.bonus_minor, a.receivable_minor,
             coalesce((select sum(r.amount_minor - r.settled_minor) from stored_value_receivables r
                       where r.chain_id = a.chain_id and r.account_id = a.id and r.settled_at is null), 0) as open_minor,
             coalesce(s.minor, 0) as entries_minor, coalesce(s.bonus, 0) as entries_bonus_minor,
             s.last_at is null or exists (select 1 from stored_value_entries e where e.chain_id = a.chain_id and e.account_id = a.id
                                           and e.created_at = s.last_at and e.balance_after_minor = a.balance_minor) as last_ok,
             (select max(e.balance_after_minor) from stored_value_entries e where e.chain_id = a.chain_id and e.account_id = a.id and e.created_at = s.last_at) as last_minor
      from member_accounts a
      left join sums s on s.chain_id = a.chain_id and s.account_id = a.id
      order by a.chain_id, a.id`);
    return rows.flatMap((r) => {
      const at = { ledger: 'stored_value', chainId: r.chain_id, accountId: r.account_id };
      const balance = Number(r.balance_minor);
      return [
        ...(balance !== Number(r.entries_minor) ? [{ ...at, problem: 'balance' as const, accountMinor: balance, ledgerMinor: Number(r.entries_minor) }] : []),
        ...(Number(r.bonus_minor) !== Number(r.entries_bonus_minor) ? [{ ...at, problem: 'bonus' as const, accountMinor: Number(r.bonus_minor), ledgerMinor: Number(r.entries_bonus_minor) }] : []),
        ...(!r.last_ok ? [{ ...at, problem: 'last_balance_after' as const, accountMinor: balance, ledgerMinor: Number(r.last_minor) }] : []),
        ...(Number(r.receivable_minor) !== Number(r.open_minor) ? [{ ...at, problem: 'receivable' as const, accountMinor: Number(r.receivable_minor), ledgerMinor: Number(r.open_minor) }] : []),
      ];
    });
  },
};

/** Points: each pool's balance is the sum of its entries, and the dated lots it still holds add up to it. */
export const pointsCheck: LedgerCheck = {
  ledger: 'points',
  countAccounts: storedValueCheck.countAccounts,
  differences: async (db) => (await verifyPointsPools(db)).map((d) => ({
    ledger: 'points', chainId: d.chainId, accountId: d.accountId, problem: d.problem,
    accountMinor: d.actual, ledgerMinor: d.expected,
  })),
};

/**
 * Stock: each place's level of each product is the sum of its movements (a level without
 * movements, or movements without a level, disagree too), and its stock on the way is what the
 * shipments and transfers not yet received carry there. Its value at cost is never below zero,
 * and zero unless units are on hand. The account is `place/product`.
 */
export const stockCheck: LedgerCheck = {
  ledger: 'stock',
  countAccounts: async (db) => Number((await query<{ n: string }>(db, sql`select count(*) as n from stock_levels`))[0]!.n),
  differences: async (db) => {
    const rows = await query<{ chain_id: string; store_id: string; product_id: string; level: string; moved: string; in_transit: string; on_the_way: string; value: string }>(db, sql`
      with moved as (
        select chain_id, store_id, product_id, sum(delta) as quantity from stock_movements group by chain_id, store_id, product_id
      ), on_the_way as (
        select chain_id, store_id, product_id, sum(quantity) as quantity from (
          select l.chain_id, s.store_id, l.product_id, l.shipped as quantity
          from shipment_lines l join shipments s on s.chain_id = l.chain_id and s.id = l.shipment_id where s.status = 'in_transit'
          union all
          select l.chain_id, t.to_store_id, l.product_id, l.quantity
          from transfer_lines l join transfers t on t.chain_id = l.chain_id and t.id = l.transfer_id where t.status = 'in_transit'
        ) sent group by chain_id, store_id, product_id
      ), facts as (
        select coalesce(l.chain_id, m.chain_id) as chain_id, coalesce(l.store_id, m.store_id) as store_id, coalesce(l.product_id, m.product_id) as product_id,
               coalesce(l.quantity, 0) as level, coalesce(m.quantity, 0) as moved, coalesce(l.in_transit, 0) as in_transit, coalesce(l.value_minor, 0) as value
        from stock_levels l
        full join moved m on m.chain_id = l.chain_id and m.store_id = l.store_id and m.product_id = l.product_id
      )
      select coalesce(f.chain_id, w.chain_id) as chain_id, coalesce(f.store_id, w.store_id) as store_id, coalesce(f.product_id, w.product_id) as product_id,
             coalesce(f.level, 0)::text as level, coalesce(f.moved, 0)::text as moved, coalesce(f.in_transit, 0)::text as in_transit, coalesce(w.quantity, 0)::text as on_the_way,
             coalesce(f.value, 0)::text as value
      from facts f
      full join on_the_way w on w.chain_id = f.chain_id and w.store_id = f.store_id and w.product_id = f.product_id
      where coalesce(f.level, 0) <> coalesce(f.moved, 0) or coalesce(f.in_transit, 0) <> coalesce(w.quantity, 0)
         or f.value < 0 or (f.level <= 0 and f.value <> 0)
      order by 1, 2, 3`);
    return rows.flatMap((r) => {
      const at = { ledger: 'stock', chainId: r.chain_id, accountId: `${r.store_id}/${r.product_id}` };
      return [
        ...(r.level !== r.moved ? [{ ...at, problem: 'level' as const, accountMinor: Number(r.level), ledgerMinor: Number(r.moved) }] : []),
        ...(r.in_transit !== r.on_the_way ? [{ ...at, problem: 'in_transit' as const, accountMinor: Number(r.in_transit), ledgerMinor: Number(r.on_the_way) }] : []),
        ...(Number(r.value) < 0 || (Number(r.level) <= 0 && Number(r.value) !== 0) ? [{ ...at, problem: 'value' as const, accountMinor: Number(r.value), ledgerMinor: 0 }] : []),
      ];
    });
  },
};

/** The ledgers `pnpm ledger:verify` proves, in order. */
export const ledgerChecks: LedgerCheck[] = [storedValueCheck, pointsCheck, stockCheck];

export interface LedgerReport {
  ledgers: { ledger: string; accounts: number; differences: LedgerDifference[] }[];
  ok: boolean;
}

export async function verifyLedgers(db: Db, checks: readonly LedgerCheck[] = ledgerChecks): Promise<LedgerReport> {
  const ledgers = [];
  for (const check of checks) ledgers.push({ ledger: check.ledger, accounts: await check.countAccounts(db), differences: await check.differences(db) });
  return { ledgers, ok: ledgers.every((l) => l.differences.length === 0) };
}

/** The report as lines for a terminal: one summary per ledger, one line per difference. */
export function formatLedgerReport(report: LedgerReport): string[] {
  return report.ledgers.flatMap(({ ledger, accounts, differences }) => [
    `${ledger}: ${accounts} accounts, ${differences.length === 0 ? 'every balance equals the sum of its entries' : `${differences.length} difference(s)`}`,
    ...differences.map((d) => `  chain ${d.chainId} account ${d.accountId}: ${d.problem} is ${d.accountMinor} on the account, ${d.ledgerMinor} by the ledger`),
  ]);
}

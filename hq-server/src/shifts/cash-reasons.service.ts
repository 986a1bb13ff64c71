import type { CashReason, CashReasonBody, CashReasonList } from '@pos/shared';
import { and, asc, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { cashReasons } from './shifts.tables';

const columns = {
  id: cashReasons.id, code: cashReasons.code, nameZh: cashReasons.nameZh, nameEn: cashReasons.nameEn,
  direction: cashReasons.direction, sortOrder: cashReasons.sortOrder, active: cashReasons.active,
};

const asReason = (row: { direction: string } & Omit<CashReason, 'direction'>): CashReason => ({ ...row, direction: row.direction as CashReason['direction'] });

/** The chain's cash reasons (收支类别), retired ones too, in the order tills list them. */
export async function listCashReasons(db: Db, chainId: string): Promise<CashReasonList> {
  const rows = await db.select(columns).from(cashReasons).where(eq(cashReasons.chainId, chainId)).orderBy(asc(cashReasons.sortOrder), asc(cashReasons.code));
  return { items: rows.map(asReason) };
}

async function findReason(db: Db, chainId: string, id: string): Promise<CashReason> {
  const [row] = await db.select(columns).from(cashReasons).where(and(eq(cashReasons.chainId, chainId), eq(cashReasons.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `no cash reason ${id}`);
  return asReason(row);
}

async function checkCodeFree(db: Db, chainId: string, code: string, id: string | null): Promise<void> {
  const clash = await db.$count(cashReasons, and(eq(cashReasons.chainId, chainId), eq(cashReasons.code, code), id ? ne(cashReasons.id, id) : undefined));
  if (clash > 0) throw new AppError('CONFLICT', `cash reason code ${code} is taken`, [{ path: 'code', message: `cash reason code ${code} is taken` }]);
}

/** Adds a reason; tills pull it with their next changes. */
export async function createCashReason({ db, clock }: Deps, principal: Principal, body: CashReasonBody): Promise<CashReason> {
  await checkCodeFree(db, principal.chainId, body.code, null);
  const row: CashReason = { id: newId(clock), ...body };
  await db.transaction(async (tx) => {
    await tx.insert(cashReasons).values({ chainId: principal.chainId, ...row });
    await recordAudit(tx, principal, clock, { entity: 'cash_reason', entityId: row.id, action: 'create', before: null, after: row });
  });
  return row;
}

/** Changes a reason, or retires it (`active` false): movements already made keep naming it. */
export async function updateCashReason({ db, clock }: Deps, principal: Principal, id: string, body: CashReasonBody): Promise<CashReason> {
  const before = await findReason(db, principal.chainId, id);
  await checkCodeFree(db, principal.chainId, body.code, id);
  const after: CashReason = { ...before, ...body };
  if (JSON.stringify(after) === JSON.stringify(before)) return before;
  await db.transaction(async (tx) => {
    await tx.update(cashReasons).set(body).where(and(eq(cashReasons.chainId, principal.chainId), eq(cashReasons.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'cash_reason', entityId: id, action: 'update', before, after });
  });
  return after;
}

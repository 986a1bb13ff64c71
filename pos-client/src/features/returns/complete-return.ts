import { minor, Return, uuidv7, withReturns, type Minor, type PricingSettings, type ReturnReason, type SaleApproval } from '@pos/shared';
import type { TillDb } from '../../db/till-db';
import { enqueueDocument } from '../../sync/enqueue-document';
import { openShiftOf } from '../shifts/shift-records';
import { localReturnsOf } from './find-original-sale';
import { planTillReturn, type ReturnDraft } from './till-return-plan';

export interface CompleteReturnDeps {
  db: TillDb;
  now: () => Date;
  randomBytes: (length: number) => Uint8Array;
}

export type CompleteReturnError = 'NOT_READY' | 'NO_OPEN_SHIFT' | 'NOTHING_PICKED' | 'UNKNOWN_LINE' | 'OVER_RETURN' | 'TENDERED_TOO_LOW' | 'RETURN_INVALID';
export type CompleteReturnResult = { ok: true; doc: Return } | { ok: false; code: CompleteReturnError };

/**
 * Finishes a return or exchange: plans its money again at this instant (this till's returns of the
 * sale are read inside the transaction, so two returns cannot both take the last unit), checks the
 * document with the schema HQ uses, and writes it to the till's journal of returns and the outbox
 * in one strict-durability transaction, with the next return number. The refund is paid from the
 * signed-in clerk's open shift, whose figures count it.
 */
export async function completeReturn(
  { db, now, randomBytes }: CompleteReturnDeps, draft: ReturnDraft, settings: PricingSettings,
  input: { reason: ReturnReason; tenderedMinor: Minor | null; approvals: readonly SaleApproval[] },
): Promise<CompleteReturnResult> {
  return db.transaction('rw', [db.meta, db.returns, db.outbox, db.products, db.categories, db.promotions, db.shifts], async () => {
    const pairing = await db.getMeta('pairing');
    const session = await db.getMeta('session');
    if (!pairing || !session) return { ok: false, code: 'NOT_READY' } as const;
    const shift = await openShiftOf(db);
    if (!shift || shift.open.cashierId !== session.clerkId) return { ok: false, code: 'NO_OPEN_SHIFT' } as const;
    const at = now();
    const id = () => uuidv7(at.getTime(), randomBytes(10));
    const place = { storeId: pairing.store.id, timeZone: pairing.store.timeZone };
    // Returns this till made of the sale since the screen read them count too.
    const original = draft.original && { ...draft.original, history: withReturns(draft.original.history, await localReturnsOf(db, draft.original.sale.id)) };
    const planned = await planTillReturn(db, { ...draft, original }, settings, place, at.toISOString(), draft.exchange.lines.map(id));
    if (!planned.ok) return planned;
    const { plan } = planned;
    const tendered = plan.payMinor > 0 ? (input.tenderedMinor ?? plan.payMinor) : null;
    if (tendered !== null && tendered < plan.payMinor) return { ok: false, code: 'TENDERED_TOO_LOW' } as const;
    const counter = await db.getMeta('returnCounter');
    const number = (counter?.deviceId === pairing.device.id ? counter.last : 0) + 1;
    const parsed = Return.safeParse({
      kind: 'return', id: id(), storeId: pairing.store.id, deviceId: pairing.device.id, cashierId: session.clerkId, shiftId: shift.id, returnNo: `${pairing.device.code}-R${number}`,
      currency: pairing.store.currency, completedAt: at.toISOString(),
      original: draft.original ? { saleId: draft.original.sale.id, receiptNo: draft.original.sale.receiptNo } : null,
      reason: input.reason,
      lines: plan.back.map((l) => ({ id: id(), ...l })),
      clawbackMinor: plan.clawbackMinor, outLines: plan.outLines, creditMinor: plan.creditMinor,
      refunds: plan.refunds.map((r) => ({ id: id(), ...r })),
      payments: tendered === null ? [] : [{ id: id(), tender: 'cash', amountMinor: plan.payMinor, tenderedMinor: tendered, reference: null }],
      roundingMinor: plan.roundingMinor, changeMinor: minor(tendered === null ? 0 : tendered - plan.payMinor),
      approvals: input.approvals,
    });
    if (!parsed.success) return { ok: false, code: 'RETURN_INVALID' } as const;
    await db.returns.add(parsed.data);
    await enqueueDocument(db, parsed.data);
    await db.putMeta('returnCounter', { deviceId: pairing.device.id, last: number });
    return { ok: true, doc: parsed.data } as const;
  });
}

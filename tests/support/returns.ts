import { randomBytes } from 'node:crypto';
import { emptyReturnHistory, minor, planRefund, uuidv7, type PairedDevice, type Return, type ReturnHistory, type Sale, type SaleApproval } from '@pos/shared';
import type { Fixture } from './fixture';

let returnCounter = 0;

/** A return of these units of a sale, made on `till` by `cashierCode`, with its money planned by the shared maths as a till plans it. */
export function makeReturn(
  f: Fixture, till: PairedDevice, cashierCode: string, sale: Sale, picks: { saleLineId: string; quantity: number }[],
  options: { history?: ReturnHistory; approvals?: (returnId: string) => SaleApproval[] } = {},
): Return {
  const at = f.deps.clock();
  const id = () => uuidv7(at.getTime(), randomBytes(10));
  const plan = planRefund({ sale, history: options.history ?? emptyReturnHistory, picks, policy: { vouchersAsCash: false }, rounding: { unitMinor: 1, mode: 'half_up' } });
  if (!plan.ok) throw new Error(`no return: ${plan.code}`);
  const returnId = id();
  return {
    kind: 'return', id: returnId, storeId: till.store.id, deviceId: till.device.id, cashierId: f.clerkIds[cashierCode]!, returnNo: `${till.device.code}-R${++returnCounter}`,
    currency: till.store.currency, completedAt: at.toISOString(), original: { saleId: sale.id, receiptNo: sale.receiptNo }, reason: 'changed_mind',
    lines: plan.lines.map((l) => {
      const line = sale.lines.find((s) => s.id === l.saleLineId)!;
      return { id: id(), saleLineId: line.id, productId: line.productId, barcode: line.barcode, nameZh: line.nameZh, nameEn: line.nameEn, quantity: l.quantity, refundMinor: l.refundMinor };
    }),
    clawbackMinor: plan.clawbackMinor, outLines: [], creditMinor: plan.creditMinor,
    refunds: plan.refunds.map((r) => ({ id: id(), ...r })), payments: [], roundingMinor: plan.roundingMinor, changeMinor: minor(0),
    approvals: options.approvals?.(returnId) ?? [],
  };
}

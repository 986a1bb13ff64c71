import type { TillDb } from '../../db/till-db';
import type { HqClient } from '../../hq/hq-client';

/** A code HQ says another sale already spent, and when; null when it is free or HQ cannot say. */
export interface SpentVoucher {
  code: string;
  redeemedAt: string;
}

/**
 * Asks HQ whether a voucher code was already spent, so a till that is online refuses it
 * before the customer pays. Offline, or when HQ does not answer in time, the code is taken:
 * HQ records a second use at ingest as a difference, and the sale is never held up.
 */
export async function spentVoucher({ db, hq }: { db: TillDb; hq: HqClient }, code: string): Promise<SpentVoucher | null> {
  const pairing = await db.getMeta('pairing');
  if (!pairing) return null;
  const answer = await hq.voucherState(pairing.deviceToken, code);
  if (!answer.ok || answer.value.redeemedAt === null) return null;
  return { code, redeemedAt: answer.value.redeemedAt };
}

import { parseMinor, type PriceKind, type SetPriceBody } from '@pos/shared';

export interface PriceFormValues {
  productId: string;
  kind: PriceKind;
  /** Empty for the chain price. */
  storeId: string;
  memberLevelId: string;
  amount: string;
  when: 'now' | 'scheduled';
  /** `YYYY-MM-DDTHH:mm` from a datetime-local field, in the office user's time zone. */
  effectiveAt: string;
}

export type PriceFormField = 'amount' | 'effectiveAt';
export type PriceFormResult = { ok: true; body: SetPriceBody } | { ok: false; errors: Partial<Record<PriceFormField, 'amount' | 'required' | 'past'>> };

/** Checks the price form and turns it into HQ's request; the amount is parsed into minor units here, once. */
export function readPriceForm(values: PriceFormValues, now: Date): PriceFormResult {
  const errors: Partial<Record<PriceFormField, 'amount' | 'required' | 'past'>> = {};
  const amount = parseMinor(values.amount);
  if (amount === null || amount < 0) errors.amount = 'amount';
  let effectiveFrom: string | null = null;
  if (values.when === 'scheduled') {
    const at = values.effectiveAt ? new Date(values.effectiveAt) : null;
    if (!at || Number.isNaN(at.getTime())) errors.effectiveAt = 'required';
    else if (at.getTime() <= now.getTime()) errors.effectiveAt = 'past';
    else effectiveFrom = at.toISOString();
  }
  if (amount === null || amount < 0 || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      productId: values.productId,
      storeId: values.storeId || null,
      kind: values.kind,
      memberLevelId: values.kind === 'member' && values.memberLevelId ? values.memberLevelId : null,
      amountMinor: amount,
      effectiveFrom,
    },
  };
}

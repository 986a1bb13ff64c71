import { PriceOutsideBandDetails } from '@pos/shared';
import { HqError } from '../office-core/hq-query';

/** The band HQ named when it refused a store price as outside it; null for any other failure. */
export function bandOfError(error: unknown): PriceOutsideBandDetails | null {
  if (!(error instanceof HqError) || error.failure.kind !== 'http' || error.failure.code !== 'PRICE_OUTSIDE_BAND') return null;
  const parsed = PriceOutsideBandDetails.safeParse(error.failure.details);
  return parsed.success ? parsed.data : null;
}

import { z } from 'zod';
import { PricingSettings } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import type { OfficeHttp } from '../office-core/office-http';
import { settingsProblems, type SettingsProblem } from './settings-problems';

export const getPricingSettings = (http: OfficeHttp) => http({ method: 'GET', path: '/settings/pricing', schema: PricingSettings });

/** How HQ lists what is wrong with a request: each problem at its path. */
const IssueDetails = z.array(z.object({ path: z.string(), message: z.string() }));

export type SaveOutcome = { kind: 'saved'; settings: PricingSettings } | { kind: 'refused'; problems: SettingsProblem[] } | { kind: 'failed'; code: string };

/** Replaces the chain's settings whole; HQ takes them all or none, and names each problem by path. */
export async function savePricingSettings(http: OfficeHttp, body: PricingSettings): Promise<SaveOutcome> {
  const result = await http({ method: 'PUT', path: '/settings/pricing', schema: PricingSettings, body });
  if (result.ok) return { kind: 'saved', settings: result.value };
  if (result.failure.kind === 'http' && result.failure.status === 400) {
    const details = IssueDetails.safeParse(result.failure.details);
    if (details.success && details.data.length > 0) return { kind: 'refused', problems: settingsProblems(details.data, body.scaleLayouts) };
  }
  return { kind: 'failed', code: failureCode(result.failure) };
}

import { PricingSettings } from '@pos/shared';
import { hqFieldIssues } from '../office-core/hq-field-errors';
import { HqError } from '../office-core/hq-query';
import { settingsProblems, type SettingsProblem } from './settings-problems';

export const pricingSettingsKey = ['settings', 'pricing'] as const;

/** What HQ refused in a save, each problem at its path (HQ checks with the same schema); empty for any other failure. */
export function refusedSettings(error: unknown, body: PricingSettings): SettingsProblem[] {
  if (!(error instanceof HqError)) return [];
  return settingsProblems(hqFieldIssues(error.failure).map((issue) => ({ path: issue.path.join('.'), message: issue.message })), body.scaleLayouts);
}

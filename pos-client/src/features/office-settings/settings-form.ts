import { PricingSettings, type ScaleBarcodeLayout } from '@pos/shared';
import { settingsProblems, type SettingsProblem } from './settings-problems';

export type SettingsFormResult = { ok: true; body: PricingSettings } | { ok: false; problems: SettingsProblem[] };

/**
 * Checks the settings as edited against the shared schema HQ checks them with, and gives the
 * body of `PUT /settings/pricing`, or each problem at its field. The form holds the settings
 * in their wire shape, so nothing is lost or added on the way.
 */
export function readSettingsForm(values: PricingSettings): SettingsFormResult {
  const parsed = PricingSettings.safeParse(values);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return { ok: false, problems: settingsProblems(issues, values.scaleLayouts) };
}

/** HQ keeps at most this many layouts. */
export const maxScaleLayouts = 10;

/** A new, empty layout; its id only has to be unique in the chain's list, and is never shown. */
export const newScaleLayout = (id: string): ScaleBarcodeLayout => ({ id, pattern: '', value: 'weight' });

/** The list with the layout at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveLayout<T>(layouts: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || index >= layouts.length || to >= layouts.length) return [...layouts];
  const next = [...layouts];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

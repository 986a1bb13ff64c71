import type { SalesAnalysisQuery, SalesAnalysisRow, SalesDrill, SalesGrouping } from '@pos/shared';
import { addDays } from '../office-core/local-date';

export type AnalysisFilter = SalesDrill['filter'];

/** One step of the way down: what was grouped, with which filters, and the name of the part opened. */
export interface TrailStep {
  by: SalesGrouping;
  filters: Partial<Record<AnalysisFilter, string>>;
  /** The part opened from this step, in both languages; null for the step being read. */
  opened: { nameZh: string; nameEn: string } | null;
}

/** What the screen asks: a range and the steps taken, the last one being read. */
export interface AnalysisState {
  from: string;
  to: string;
  trail: TrailStep[];
  /** A product whose tickets are listed, when the last drill led to tickets. */
  tickets: { productId: string; nameZh: string; nameEn: string } | null;
}

export const currentStep = (state: AnalysisState): TrailStep => state.trail.at(-1)!;

export function startState(range: { from: string; to: string }, by: SalesGrouping = 'store'): AnalysisState {
  return { ...range, trail: [{ by, filters: {}, opened: null }], tickets: null };
}

/** The question for HQ: the range, the step's grouping and every filter the trail gathered. */
export function analysisQuery(state: AnalysisState, limit: number): SalesAnalysisQuery {
  const step = currentStep(state);
  return { from: state.from, to: state.to, by: step.by, limit, ...step.filters };
}

/** Opens a row: the same analysis one level down with the row's filter added, or (for a product) its tickets. */
export function drillInto(state: AnalysisState, row: Pick<SalesAnalysisRow, 'drill' | 'nameZh' | 'nameEn'>): AnalysisState {
  const drill = row.drill;
  if (!drill) return state;
  if (drill.by === 'tickets') return { ...state, tickets: { productId: drill.value, nameZh: row.nameZh, nameEn: row.nameEn } };
  const step = currentStep(state);
  const opened = { nameZh: row.nameZh, nameEn: row.nameEn };
  return {
    ...state,
    tickets: null,
    trail: [...state.trail.slice(0, -1), { ...step, opened }, { by: drill.by, filters: { ...step.filters, [drill.filter]: drill.value }, opened: null }],
  };
}

/** Goes back up to step `index` of the trail. */
export function backTo(state: AnalysisState, index: number): AnalysisState {
  const kept = state.trail.slice(0, index + 1);
  return { ...state, tickets: null, trail: [...kept.slice(0, -1), { ...kept.at(-1)!, opened: null }] };
}

/** Groups the step being read another way, its filters kept. */
export function regroup(state: AnalysisState, by: SalesGrouping): AnalysisState {
  return { ...state, tickets: null, trail: [...state.trail.slice(0, -1), { ...currentStep(state), by }] };
}

/** Sets or clears one filter of the step being read. */
export function refilter(state: AnalysisState, filter: AnalysisFilter, value: string | null): AnalysisState {
  const step = currentStep(state);
  const filters = { ...step.filters };
  if (value === null) delete filters[filter];
  else filters[filter] = value;
  return { ...state, tickets: null, trail: [...state.trail.slice(0, -1), { ...step, filters }] };
}

export type RangePreset = 'thisMonth' | 'lastMonth' | 'thisWeek' | 'lastWeek' | 'last30';

/** A quick range as of `today` (YYYY-MM-DD): whole months and Monday-to-Sunday weeks, so the comparisons line up. */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const monthStart = `${today.slice(0, 8)}01`;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  switch (preset) {
    case 'thisMonth': return { from: monthStart, to: today };
    case 'lastMonth': {
      const lastDay = addDays(monthStart, -1);
      return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
    }
    case 'thisWeek': return { from: monday, to: today };
    case 'lastWeek': return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'last30': return { from: addDays(today, -29), to: today };
  }
}

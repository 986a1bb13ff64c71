import type { MemberLifecycle, ValueClass } from '@pos/shared';
import { addDays } from '../office-core/local-date';

/** What the analysis is asked: the period, the store and level, and the thresholds (A and B as percent of spend, as the screen edits them). */
export interface AnalysisQuestion {
  from: string;
  to: string;
  storeId: string | null;
  levelId: string | null;
  classAUpToPercent: number;
  classBUpToPercent: number;
  newDays: number;
  lapsingMonths: number;
  lostMonths: number;
}

/** Which members the list shows; an empty filter keeps everyone. */
export interface ListFilter {
  valueClass: (ValueClass | 'none')[];
  lifecycle: MemberLifecycle[];
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export type ListSort = { sort: 'spend' | 'tickets' | 'lastPurchase'; order: 'asc' | 'desc' };

export type RangePreset = 30 | 90 | 365;

/** The last `days` days up to `today`. */
export const lastDays = (today: string, days: RangePreset) => ({ from: addDays(today, 1 - days), to: today });

export const startQuestion = (today: string): AnalysisQuestion => ({
  ...lastDays(today, 90), storeId: null, levelId: null, classAUpToPercent: 80, classBUpToPercent: 95, newDays: 30, lapsingMonths: 3, lostMonths: 6,
});

export const emptyFilter: ListFilter = { valueClass: [], lifecycle: [], recency: [], frequency: [], monetary: [] };

/** Why the thresholds cannot be asked as they are, or null: A must end before B, lapsing come before lost. */
export function thresholdProblem(q: AnalysisQuestion): 'classOrder' | 'lifecycleOrder' | null {
  if (!(q.classAUpToPercent < q.classBUpToPercent)) return 'classOrder';
  if (!(q.lapsingMonths < q.lostMonths)) return 'lifecycleOrder';
  return null;
}

/** The question as HQ takes it: thresholds in basis points, nothing for what is not chosen. */
export function analysisQuery(q: AnalysisQuestion): Record<string, string | number> {
  return {
    from: q.from, to: q.to, ...(q.storeId ? { storeId: q.storeId } : {}), ...(q.levelId ? { levelId: q.levelId } : {}),
    classAUpToBp: Math.round(q.classAUpToPercent * 100), classBUpToBp: Math.round(q.classBUpToPercent * 100),
    newDays: q.newDays, lapsingMonths: q.lapsingMonths, lostMonths: q.lostMonths,
  };
}

/** The list's filters as HQ takes them: several values comma-separated, none left out. */
export function filterQuery(filter: ListFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).flatMap(([name, values]) => (values.length > 0 ? [[name, values.join(',')]] : [])));
}

/** A query string of these values. */
export const queryString = (values: Record<string, string | number>): string => new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();

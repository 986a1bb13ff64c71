import { describe, expect, it } from 'vitest';
import { analysisQuery, emptyFilter, filterQuery, lastDays, queryString, startQuestion, thresholdProblem } from './member-analysis-params';

describe('member analysis parameters', () => {
  it('starts on the last 90 days with the usual thresholds, asked in basis points', () => {
    const q = startQuestion('2026-11-22');
    expect(analysisQuery(q)).toEqual({ from: '2026-08-25', to: '2026-11-22', classAUpToBp: 8000, classBUpToBp: 9500, newDays: 30, lapsingMonths: 3, lostMonths: 6 });
    expect(lastDays('2026-11-22', 30)).toEqual({ from: '2026-10-24', to: '2026-11-22' });
    expect(analysisQuery({ ...q, storeId: 's1', levelId: 'l1', classAUpToPercent: 72.5 })).toMatchObject({ storeId: 's1', levelId: 'l1', classAUpToBp: 7250 });
  });

  it('says why thresholds cannot be asked', () => {
    const q = startQuestion('2026-11-22');
    expect(thresholdProblem(q)).toBeNull();
    expect(thresholdProblem({ ...q, classAUpToPercent: 95 })).toBe('classOrder');
    expect(thresholdProblem({ ...q, lapsingMonths: 6 })).toBe('lifecycleOrder');
  });

  it('sends only the filters chosen, several values comma-separated', () => {
    expect(filterQuery(emptyFilter)).toEqual({});
    expect(filterQuery({ ...emptyFilter, valueClass: ['A', 'none'], recency: [4, 5] })).toEqual({ valueClass: 'A,none', recency: '4,5' });
    expect(queryString({ from: '2026-11-01', valueClass: 'A,B', limit: 20 })).toBe('from=2026-11-01&valueClass=A%2CB&limit=20');
  });
});

import { useEffect, useMemo, useState } from 'react';
import { StoreDayReport } from '@pos/shared';
import { failureCode } from '../../hq/hq-failure';
import { addDays, localDate } from '../office-core/local-date';
import type { OfficeHttp } from '../office-core/office-http';
import { summarizeStoreDay, type StoreDaySummary } from './store-day-summary';

export interface ReportRange {
  from: string;
  to: string;
}

/** The last `days` days, today included. */
export function lastDays(today: Date, days: number): ReportRange {
  const to = localDate(today);
  return { from: addDays(to, 1 - days), to };
}

type Load = { kind: 'loading' } | { kind: 'failed'; code: string } | { kind: 'ready'; report: StoreDayReport };

/**
 * The store-day report for a date range. HQ answers with every store in the caller's scope,
 * so the store filter works on that answer and the store list always shows the whole scope.
 */
export function useStoreDayReport(http: OfficeHttp, today: Date) {
  const [range, setRange] = useState<ReportRange>(() => lastDays(today, 30));
  const [storeId, setStoreId] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const rangeValid = range.from !== '' && range.to !== '' && range.from <= range.to;

  useEffect(() => {
    if (!rangeValid) return;
    let current = true;
    setLoad({ kind: 'loading' });
    void http({ method: 'GET', path: `/reports/store-day?from=${range.from}&to=${range.to}`, schema: StoreDayReport }).then((result) => {
      if (!current) return;
      setLoad(result.ok ? { kind: 'ready', report: result.value } : { kind: 'failed', code: failureCode(result.failure) });
    });
    return () => {
      current = false;
    };
  }, [http, range.from, range.to, rangeValid, attempt]);

  const summary = useMemo<StoreDaySummary | null>(() => (load.kind === 'ready' ? summarizeStoreDay(load.report, storeId) : null), [load, storeId]);

  return {
    range,
    rangeValid,
    setRange,
    storeId,
    setStoreId,
    loading: load.kind === 'loading',
    errorCode: load.kind === 'failed' ? load.code : null,
    summary,
    retry: () => setAttempt((n) => n + 1),
  };
}

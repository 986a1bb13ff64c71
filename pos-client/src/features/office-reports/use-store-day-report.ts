import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { StoreDayReport } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { addDays, localDate } from '../office-core/local-date';
import { useOfficeHttp } from '../office-core/office-context';
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

/**
 * The store-day report for a date range. HQ answers with every store in the caller's scope,
 * so the store filter works on that answer and the store list always shows the whole scope.
 */
export function useStoreDayReport(today: Date) {
  const http = useOfficeHttp();
  const [range, setRange] = useState<ReportRange>(() => lastDays(today, 30));
  const [storeId, setStoreId] = useState<string | null>(null);
  const rangeValid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const query = useQuery({
    queryKey: ['reports', 'store-day', range],
    queryFn: () => unwrap(http({ method: 'GET', path: `/reports/store-day?from=${range.from}&to=${range.to}`, schema: StoreDayReport })),
    enabled: rangeValid,
    placeholderData: keepPreviousData,
  });
  const summary = useMemo<StoreDaySummary | null>(() => (query.data ? summarizeStoreDay(query.data, storeId) : null), [query.data, storeId]);
  return { range, rangeValid, setRange, storeId, setStoreId, query, summary };
}

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { SalesAnalysis, SalesJournal, type SalesGrouping } from '@pos/shared';
import { useState } from 'react';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { localDate } from '../office-core/local-date';
import { useOfficeContext } from '../office-core/office-context';
import { analysisQuery, backTo, drillInto, presetRange, refilter, regroup, startState, type AnalysisFilter, type AnalysisState, type RangePreset } from './analysis-state';
import { downloadBlob } from './download';

/** Rows a screen lists; the rest are summed as "others". */
const LIMIT = 200;

/**
 * The sales analysis screen's state and data: last month by store to begin with, the analysis HQ
 * answers for the step being read, the tickets of a product drilled into, and the export.
 */
export function useSalesAnalysis(today: Date) {
  const { http, permissions } = useOfficeContext();
  const [state, setState] = useState<AnalysisState>(() => startState(presetRange('lastMonth', localDate(today))));
  const question = analysisQuery(state, LIMIT);
  const analysis = useQuery({
    queryKey: ['reports', 'sales-analysis', question],
    queryFn: () => unwrap(http({ method: 'GET', path: `/reports/sales-analysis?${params(question)}`, schema: SalesAnalysis })),
    placeholderData: keepPreviousData,
  });
  const [ticketPage, setTicketPage] = useState(0);
  const tickets = useQuery({
    enabled: state.tickets !== null,
    queryKey: ['reports', 'sales-analysis', 'tickets', question, state.tickets?.productId, ticketPage],
    queryFn: () => unwrap(http({
      method: 'GET',
      path: `/sales/journal?${params({ from: state.from, to: state.to, productId: state.tickets!.productId, storeId: question.storeId, limit: 10, offset: ticketPage * 10 })}`,
      schema: SalesJournal,
    })),
  });
  const exporting = useMutation({
    mutationFn: async ({ format, language }: { format: 'xlsx' | 'csv'; language: 'zh' | 'en' }) => {
      const blob = await unwrap(http({ method: 'POST', path: '/reports/sales-analysis/export', body: { query: question, format, language }, schema: z.instanceof(Blob), as: 'blob' }));
      downloadBlob(blob, `sales-${question.by}_${question.from}_${question.to}.${format}`);
    },
  });
  const move = (next: AnalysisState) => {
    setTicketPage(0);
    setState(next);
  };
  return {
    state, question, analysis, tickets, ticketPage, setTicketPage,
    setRange: (range: { from: string; to: string }) => move({ ...state, ...range, tickets: null }),
    preset: (preset: RangePreset) => move({ ...state, ...presetRange(preset, localDate(today)), tickets: null }),
    regroup: (by: SalesGrouping) => move(regroup(state, by)),
    refilter: (filter: AnalysisFilter, value: string | null) => move(refilter(state, filter, value)),
    drill: (row: Parameters<typeof drillInto>[1]) => move(drillInto(state, row)),
    backTo: (index: number) => move(backTo(state, index)),
    closeTickets: () => move({ ...state, tickets: null }),
    mayExport: permissions.reports.sales_analysis.export,
    exportAs: (format: 'xlsx' | 'csv', language: 'zh' | 'en') => exporting.mutate({ format, language }),
    exporting,
  };
}

function params(values: Record<string, string | number | undefined>): string {
  return new URLSearchParams(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
}


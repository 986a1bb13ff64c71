import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { PromotionReturnReport, type PromotionReturnQuery } from '@pos/shared';
import { useState } from 'react';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import { localDate } from '../office-core/local-date';
import { useOfficeContext } from '../office-core/office-context';
import { presetRange } from './analysis-state';
import { downloadBlob } from './download';

/** The promotion return screen's range and store, HQ's answer, and its export. */
export function usePromotionReturn(today: Date) {
  const { http, permissions } = useOfficeContext();
  const [question, setQuestion] = useState<PromotionReturnQuery>(() => presetRange('last30', localDate(today)));
  const report = useQuery({
    queryKey: ['reports', 'promotion-return', question],
    queryFn: () => {
      const params = new URLSearchParams({ from: question.from, to: question.to, ...(question.storeId ? { storeId: question.storeId } : {}) });
      return unwrap(http({ method: 'GET', path: `/reports/promotion-return?${params}`, schema: PromotionReturnReport }));
    },
    placeholderData: keepPreviousData,
  });
  const exporting = useMutation({
    mutationFn: async ({ format, language }: { format: 'xlsx' | 'csv'; language: 'zh' | 'en' }) => {
      const blob = await unwrap(http({ method: 'POST', path: '/reports/promotion-return/export', body: { query: question, format, language }, schema: z.instanceof(Blob), as: 'blob' }));
      downloadBlob(blob, `promotion-return_${question.from}_${question.to}.${format}`);
    },
  });
  return {
    question, report, exporting,
    setRange: (range: { from: string; to: string }) => setQuestion({ ...question, ...range }),
    setStore: (storeId: string | null) => setQuestion({ from: question.from, to: question.to, ...(storeId ? { storeId } : {}) }),
    mayExport: permissions.reports.promotion_return.export,
    exportAs: (format: 'xlsx' | 'csv', language: 'zh' | 'en') => exporting.mutate({ format, language }),
  };
}

import type { StoreDayPrint, StoreDayQuery } from '@pos/shared';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useOfficeContext } from '../office-core/office-context';
import { exportStoreDay, printStoreDay } from './store-day-outputs';

/**
 * Printing and exporting the store-day report of a range, each counted by HQ under the role's
 * rule (报表打印权限): what the role allows, the two actions, the last refusal, how many outputs
 * are left today once HQ has said, and the report to print, which goes to the printer as soon as
 * it is on the page.
 */
export function useStoreDayOutputs(query: StoreDayQuery) {
  const { http, user, permissions } = useOfficeContext();
  const rule = permissions.reports.store_day;
  const [printed, setPrinted] = useState<(StoreDayPrint & { at: Date }) | null>(null);
  const exporting = useMutation({ mutationFn: () => exportStoreDay(http, query) });
  const printing = useMutation({
    mutationFn: () => printStoreDay(http, query),
    onSuccess: (answer) => setPrinted({ ...answer, at: new Date() }),
  });
  useEffect(() => {
    if (!printed) return;
    const frame = requestAnimationFrame(() => window.print());
    return () => cancelAnimationFrame(frame);
  }, [printed]);
  const last = printing.submittedAt > exporting.submittedAt ? printing : exporting;
  return {
    mayPrint: rule.print,
    mayExport: rule.export,
    perDay: rule.perDay,
    print: () => printing.mutate(),
    exportCsv: () => exporting.mutate(),
    busy: printing.isPending || exporting.isPending,
    error: last.error,
    remaining: last === printing && printing.isSuccess ? printing.data.remaining : null,
    printed,
    printedBy: user.name,
  };
}

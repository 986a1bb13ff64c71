import { useQuery } from '@tanstack/react-query';
import { ClerkStatement, ClosePeriodResult, CommissionPeriodOverview, CommissionPlan, CommissionPlanList, type CommissionPlanBody, type Locale } from '@pos/shared';
import { z } from 'zod';
import { unwrap } from '../office-core/hq-query';
import type { OfficeHttp } from '../office-core/office-http';
import { useOfficeHttp } from '../office-core/office-context';
import { saveFile } from '../office-core/save-file';
import { useHqMutation } from '../office-core/use-hq-mutation';

/** Query keys of commission; a change made on another screen (a target, an adjustment) refreshes the period it touches. */
export const commissionKeys = {
  plans: ['commission', 'plans'] as const,
  period: (period: string) => ['commission', 'period', period] as const,
  statement: (period: string, clerkId: string) => ['commission', 'statement', period, clerkId] as const,
};

/** The versions of the chain's commission plan, and saving or deleting one (HQ checks who may). */
export function useCommissionPlans() {
  const http = useOfficeHttp();
  const plans = useQuery({ queryKey: commissionKeys.plans, queryFn: () => unwrap(http({ method: 'GET', path: '/commission/plans', schema: CommissionPlanList })) });
  const savePlan = useHqMutation(
    ({ id, body }: { id: string | null; body: CommissionPlanBody }) =>
      id === null ? { method: 'POST', path: '/commission/plans', schema: CommissionPlan, body } : { method: 'PUT', path: `/commission/plans/${id}`, schema: CommissionPlan, body },
    [commissionKeys.plans],
  );
  const deletePlan = useHqMutation((id: string) => ({ method: 'DELETE', path: `/commission/plans/${id}`, schema: z.unknown() }), [commissionKeys.plans]);
  return { plans, savePlan, deletePlan };
}

/** A period's figures over the user's stores, working it out again, and closing it for stores. */
export function useCommissionPeriod(period: string) {
  const http = useOfficeHttp();
  const overview = useQuery({ queryKey: commissionKeys.period(period), queryFn: () => unwrap(http({ method: 'GET', path: `/commission/periods/${period}`, schema: CommissionPeriodOverview })) });
  const work = useHqMutation(() => ({ method: 'POST', path: `/commission/periods/${period}/work`, schema: z.object({ worked: z.number(), unchanged: z.number() }) }), [commissionKeys.period(period)]);
  const close = useHqMutation((storeIds: string[]) => ({ method: 'POST', path: `/commission/periods/${period}/close`, schema: ClosePeriodResult, body: { storeIds } }), [commissionKeys.period(period)]);
  return { overview, work, close };
}

/** A clerk's statement for a period, while one is asked for. */
export function useClerkStatement(period: string, clerkId: string | null) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: commissionKeys.statement(period, clerkId ?? ''),
    enabled: clerkId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/commission/periods/${period}/clerks/${clerkId}`, schema: ClerkStatement })),
  });
}

/** Downloads a workbook HQ makes (a period's figures, or a clerk's statement) and hands it to the browser as a file. */
export async function downloadCommission(http: OfficeHttp, path: string, locale: Locale, fileName: string): Promise<void> {
  const blob = await unwrap(http({ method: 'GET', path: `${path}?${new URLSearchParams({ lang: locale })}`, schema: z.instanceof(Blob), as: 'blob' }));
  saveFile(blob, fileName);
}

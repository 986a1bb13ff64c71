import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ClerkPage, CommissionAdjustment, CommissionDutyDay, CommissionTargets, CounterList, type CommissionAdjustmentBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';
import { commissionKeys } from './use-commission';

const keys = {
  // Under `clerks`, so a change on the Clerks screen refreshes it too.
  clerks: (storeId: string) => ['clerks', 'of-store', storeId] as const,
  counters: (storeId: string) => ['commission', 'counters', storeId] as const,
  targets: (period: string, storeId: string) => ['commission', 'targets', period, storeId] as const,
  duty: (storeId: string, date: string) => ['commission', 'duty', storeId, date] as const,
};

/** A store's active clerks and counters: the rows and pools its targets and duty name (at most 100 clerks; a store has a handful). */
export function useStoreCommissionSubjects(storeId: string | null) {
  const http = useOfficeHttp();
  const clerks = useQuery({
    queryKey: keys.clerks(storeId ?? ''),
    enabled: storeId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/clerks?${new URLSearchParams({ storeId: storeId ?? '', active: 'true', limit: '100' })}`, schema: ClerkPage })),
  });
  const counters = useQuery({
    queryKey: keys.counters(storeId ?? ''),
    enabled: storeId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/commission/counters?${new URLSearchParams({ storeId: storeId ?? '' })}`, schema: CounterList })),
  });
  return {
    clerks: clerks.data?.items ?? [],
    counters: (counters.data?.items ?? []).filter((c) => c.active),
    isLoading: clerks.isLoading || counters.isLoading,
    error: clerks.error ?? counters.error,
  };
}

/** A store's targets for a period, and putting the whole set; the period's figures show the new targets. */
export function useCommissionTargets(period: string, storeId: string | null) {
  const http = useOfficeHttp();
  const targets = useQuery({
    queryKey: keys.targets(period, storeId ?? ''),
    enabled: storeId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/commission/targets?${new URLSearchParams({ period, storeId: storeId ?? '' })}`, schema: CommissionTargets })),
  });
  const save = useHqMutation(
    (body: CommissionTargets) => ({ method: 'PUT', path: '/commission/targets', schema: CommissionTargets, body }),
    [keys.targets(period, storeId ?? ''), commissionKeys.period(period)],
  );
  return { targets, save };
}

/** Who was on duty in a store's pools on a day, and putting the day. */
export function useCommissionDuty(storeId: string | null, date: string) {
  const http = useOfficeHttp();
  const duty = useQuery({
    queryKey: keys.duty(storeId ?? '', date),
    enabled: storeId !== null,
    queryFn: () => unwrap(http({ method: 'GET', path: `/commission/duty?${new URLSearchParams({ storeId: storeId ?? '', date })}`, schema: CommissionDutyDay })),
  });
  const save = useHqMutation((body: CommissionDutyDay) => ({ method: 'PUT', path: '/commission/duty', schema: CommissionDutyDay, body }), [keys.duty(storeId ?? '', date)]);
  return { duty, save };
}

/** Records an adjustment into an open period; that period's figures and the clerk's statement are fetched again. */
export function useCommissionAdjustment() {
  const http = useOfficeHttp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CommissionAdjustmentBody) => unwrap(http({ method: 'POST', path: '/commission/adjustments', schema: CommissionAdjustment, body })),
    onSuccess: (_, body) => Promise.all([
      client.invalidateQueries({ queryKey: commissionKeys.period(body.period) }),
      ...(body.beneficiary.kind === 'clerk' ? [client.invalidateQueries({ queryKey: commissionKeys.statement(body.period, body.beneficiary.id) })] : []),
    ]),
  });
}

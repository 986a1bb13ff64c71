import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MemberPoints, MemberStoredValue, StoredValueAdjustment, StoredValueAdjustmentList, type StoredValueAdjustmentBody } from '@pos/shared';
import { unwrap } from '../office-core/hq-query';
import { useOfficeHttp } from '../office-core/office-context';
import { useHqMutation } from '../office-core/use-hq-mutation';

/** Rows per page of a member's ledgers. */
export const LEDGER_PAGE_SIZE = 10;

const offsetOf = (page: number) => (page - 1) * LEDGER_PAGE_SIZE;

/** One page of a member's stored-value ledger (储值流水), newest first; outside HQ only the entries of the caller's stores. */
export function useStoredValueLedger(memberId: string, page: number) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: ['members', 'stored-value', memberId, page],
    queryFn: () => unwrap(http({ method: 'GET', path: `/members/${memberId}/stored-value?limit=${LEDGER_PAGE_SIZE}&offset=${offsetOf(page)}`, schema: MemberStoredValue })),
    placeholderData: keepPreviousData,
  });
}

/** One page of a member's points ledger (积分流水), newest first, with the points about to lapse. */
export function usePointsLedger(memberId: string, page: number) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: ['members', 'points', memberId, page],
    queryFn: () => unwrap(http({ method: 'GET', path: `/members/${memberId}/points?limit=${LEDGER_PAGE_SIZE}&offset=${offsetOf(page)}`, schema: MemberPoints })),
    placeholderData: keepPreviousData,
  });
}

const adjustmentQueries = [['members'], ['stored-value', 'adjustments']] as const;

/** A member's adjustments (调账) waiting for a second HQ user, for HQ only (the list is HQ's). */
export function useMemberPendingAdjustments(memberId: string, enabled: boolean) {
  const http = useOfficeHttp();
  return useQuery({
    queryKey: ['stored-value', 'adjustments', 'member', memberId],
    queryFn: () => unwrap(http({ method: 'GET', path: `/stored-value/adjustments?status=pending&memberId=${memberId}&limit=100`, schema: StoredValueAdjustmentList })),
    enabled,
  });
}

/** Asking for an adjustment, and a second HQ user approving or rejecting one; each refreshes the member and the lists. */
export function useAdjustmentActions() {
  const request = useHqMutation((body: StoredValueAdjustmentBody) => ({ method: 'POST', path: '/stored-value/adjustments', schema: StoredValueAdjustment, body }), adjustmentQueries);
  const decide = useHqMutation(({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
    ({ method: 'POST', path: `/stored-value/adjustments/${id}/${decision}`, schema: StoredValueAdjustment, body: {} }), adjustmentQueries);
  return { request, decide };
}

import type { MemberLifecycle, ValueClass } from '../schemas/member-analysis';
import type { AnalysedActivity } from './member-analysis';

/** Which analysed members a list shows: each filter given keeps the members with one of its values. */
export interface AnalysedMemberFilter {
  /** `none`: no spend above zero in the period, so no class. */
  valueClass?: readonly (ValueClass | 'none')[];
  lifecycle?: readonly MemberLifecycle[];
  recency?: readonly number[];
  frequency?: readonly number[];
  monetary?: readonly number[];
}

export type AnalysedMemberSort = 'spend' | 'tickets' | 'lastPurchase';

const scoreIn = (wanted: readonly number[] | undefined, score: number | undefined) => !wanted?.length || (score !== undefined && wanted.includes(score));

export function filterAnalysed(members: readonly AnalysedActivity[], filter: AnalysedMemberFilter): AnalysedActivity[] {
  return members.filter((m) => (!filter.valueClass?.length || filter.valueClass.includes(m.valueClass ?? 'none'))
    && (!filter.lifecycle?.length || filter.lifecycle.includes(m.lifecycle))
    && scoreIn(filter.recency, m.rfm?.recency) && scoreIn(filter.frequency, m.rfm?.frequency) && scoreIn(filter.monetary, m.rfm?.monetary));
}

const sortValue: Record<AnalysedMemberSort, (m: AnalysedActivity) => number | string> = {
  spend: (m) => m.spendMinor,
  tickets: (m) => m.tickets,
  // Never bought sorts below any day.
  lastPurchase: (m) => m.lastPurchase ?? '',
};

/** The members in the order asked; equal values by member id, so a page never shows a member twice or skips one. */
export function sortAnalysed(members: readonly AnalysedActivity[], sort: AnalysedMemberSort, order: 'asc' | 'desc'): AnalysedActivity[] {
  const direction = order === 'asc' ? 1 : -1;
  const value = sortValue[sort];
  return [...members].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return (x < y ? -1 : 1) * direction;
    return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
  });
}

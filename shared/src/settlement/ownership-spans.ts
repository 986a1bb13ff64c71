/**
 * Which days each store belonged to a franchisee, from the stores' history: sales, goods and fees
 * follow the owner of their business day, so a store handed to another franchisee mid-period
 * splits the period between the two at the change's effective date.
 */

/** A store's move to another owner (`store_events` of kind `franchisee_changed`); null is HQ. */
export interface OwnershipChange {
  storeId: string;
  /** The first business day under the new owner. */
  effectiveOn: string;
  /** When HQ recorded it: of two changes on one day, the later recorded wins. */
  at: string;
  fromFranchiseeId: string | null;
  toFranchiseeId: string | null;
}

/** A store and its owner now. */
export interface StoreOwner {
  storeId: string;
  franchiseeId: string | null;
}

/** Days `from`..`to` (both counted) of one store. */
export interface StoreSpan {
  storeId: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/** A store's owners over all time, earliest first: before its first change the owner that change took it from; with no change, its owner now. */
function ownersOf(store: StoreOwner, changes: readonly OwnershipChange[]): { franchiseeId: string | null; from: string; to: string }[] {
  const ordered = changes.filter((c) => c.storeId === store.storeId)
    .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.at.localeCompare(b.at));
  if (ordered.length === 0) return [{ franchiseeId: store.franchiseeId, from: FIRST_DAY, to: LAST_DAY }];
  const owners = [{ franchiseeId: ordered[0]!.fromFranchiseeId, from: FIRST_DAY, to: dayBefore(ordered[0]!.effectiveOn) }];
  ordered.forEach((change, i) => {
    const next = ordered[i + 1];
    owners.push({ franchiseeId: change.toFranchiseeId, from: change.effectiveOn, to: next ? dayBefore(next.effectiveOn) : LAST_DAY });
  });
  // Two changes on one day leave the earlier with no day of its own.
  return owners.filter((o) => o.from <= o.to);
}

/** The days within `range` on which each store belonged to `franchiseeId`, by store and then by date. */
export function franchiseeSpans(
  franchiseeId: string, stores: readonly StoreOwner[], changes: readonly OwnershipChange[], range: { from: string; to: string },
): StoreSpan[] {
  return [...stores].sort((a, b) => a.storeId.localeCompare(b.storeId)).flatMap((store) =>
    ownersOf(store, changes)
      .filter((o) => o.franchiseeId === franchiseeId)
      .map((o) => ({ storeId: store.storeId, from: o.from > range.from ? o.from : range.from, to: o.to < range.to ? o.to : range.to }))
      .filter((span) => span.from <= span.to));
}

/** A store's span within one settlement period, named by the period's first day: what the figure queries group by. */
export interface PeriodStoreSpan extends StoreSpan {
  periodFrom: string;
}

import { formatMinor, minor, parseMinor, type CommissionDutyDay, type CommissionTarget, type Minor } from '@pos/shared';

/** A clerk or a pool (a counter's id, or the store's for its own pool): what a target or an adjustment names. */
export interface CommissionSubject {
  kind: 'clerk' | 'pool';
  id: string;
}

/** A pool as the screens name it: a counter, or the store's own. */
export interface CommissionPool {
  id: string;
  name: string;
}

type DutyEntry = CommissionDutyDay['entries'][number];

/** What HQ takes as a target, in fen: at least ¥0.01, at most ¥1,000,000,000.00. */
const TARGET_MAX_MINOR = 100_000_000_000;
/** What HQ takes as an adjustment, either way. */
const ADJUSTMENT_MAX_MINOR = 100_000_000;

export const subjectKey = ({ kind, id }: CommissionSubject): string => `${kind}:${id}`;
export const dutyKey = (poolId: string, clerkId: string): string => `${poolId}:${clerkId}`;

export function subjectOfKey(key: string): CommissionSubject {
  const [kind, id = ''] = key.split(':');
  return { kind: kind === 'pool' ? 'pool' : 'clerk', id };
}

/** A store's targets as the boxes show them: yuan with two decimals, by subject. */
export function targetTexts(held: readonly CommissionTarget[]): Record<string, string> {
  return Object.fromEntries(held.map((t) => [subjectKey({ kind: t.kind, id: t.subjectId }), formatMinor(minor(t.amountMinor))]));
}

/** A target box read: null when empty (no target), `'invalid'` when it holds no amount HQ takes. */
export function readTarget(text: string): Minor | null | 'invalid' {
  if (text.trim() === '') return null;
  const amount = parseMinor(text);
  return amount !== null && amount >= 1 && amount <= TARGET_MAX_MINOR ? amount : 'invalid';
}

/**
 * The whole set of a store's targets to put: the boxes shown as they read, and what HQ holds for
 * clerks or pools not shown (a clerk who left) as it is, since saving replaces the period's set.
 * Or the keys of the boxes that hold no amount.
 */
export function targetsToSave(
  shown: readonly CommissionSubject[], texts: Readonly<Record<string, string>>, held: readonly CommissionTarget[],
): { ok: true; targets: CommissionTarget[] } | { ok: false; invalid: string[] } {
  const read = shown.map((subject) => ({ subject, amount: readTarget(texts[subjectKey(subject)] ?? '') }));
  const invalid = read.filter((r) => r.amount === 'invalid').map((r) => subjectKey(r.subject));
  if (invalid.length > 0) return { ok: false, invalid };
  const shownKeys = new Set(shown.map(subjectKey));
  return {
    ok: true,
    targets: [
      ...held.filter((t) => !shownKeys.has(subjectKey({ kind: t.kind, id: t.subjectId }))),
      ...read.flatMap(({ subject, amount }) => (typeof amount === 'number' ? [{ kind: subject.kind, subjectId: subject.id, amountMinor: amount }] : [])),
    ],
  };
}

/** A day's minutes on duty by pool and clerk. */
export function dutyMinutes(held: readonly DutyEntry[]): Record<string, number> {
  return Object.fromEntries(held.map((e) => [dutyKey(e.poolId, e.clerkId), e.minutes]));
}

/** The day's entries to put: every clerk shown with minutes in a pool shown, and what HQ holds for the others as it is. */
export function dutyToSave(clerkIds: readonly string[], poolIds: readonly string[], minutes: Readonly<Record<string, number | null>>, held: readonly DutyEntry[]): DutyEntry[] {
  const shownClerks = new Set(clerkIds);
  const shownPools = new Set(poolIds);
  return [
    ...held.filter((e) => !shownClerks.has(e.clerkId) || !shownPools.has(e.poolId)),
    ...poolIds.flatMap((poolId) => clerkIds.flatMap((clerkId) => {
      const typed = minutes[dutyKey(poolId, clerkId)] ?? 0;
      return typed > 0 ? [{ poolId, clerkId, minutes: typed }] : [];
    })),
  ];
}

/** An adjustment typed in yuan, in fen: either way but not zero; null when HQ would not take it. */
export function readAdjustment(text: string): Minor | null {
  const amount = parseMinor(text);
  return amount !== null && amount !== 0 && Math.abs(amount) <= ADJUSTMENT_MAX_MINOR ? amount : null;
}

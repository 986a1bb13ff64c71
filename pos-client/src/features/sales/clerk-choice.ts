import { parseSharePercent, shareBetween, type LineClerkShare, type ShareProblem } from '@pos/shared';
import { sharesFor, type ClerkChoice } from './sales-clerks';

/** What the clerk dialog credits: the lines rung up from now on (the till's clerk), or the selected line. */
export type ClerkTarget = 'new_lines' | 'line';

/** The dialog's choice in progress: a shared line takes its first clerk, then its second. */
export interface ClerkChoiceState {
  target: ClerkTarget;
  sharing: boolean;
  /** The first clerk's share as typed, in percent. */
  shareText: string;
  first: ClerkChoice | null;
}

export const startChoice = (target: ClerkTarget = 'new_lines'): ClerkChoiceState => ({ target, sharing: false, shareText: '50', first: null });

export type ClerkPick =
  | { outcome: 'done'; target: ClerkTarget; shares: LineClerkShare[] }
  | { outcome: 'next'; state: ClerkChoiceState }
  | { outcome: 'problem'; code: ShareProblem };

/**
 * A clerk picked in the dialog (null: the cashier, no sales clerk). Without sharing it credits the
 * target wholly; sharing a line, the first pick waits for the second, who takes the rest of the
 * first's share. The share is checked at the first pick, so a wrong one is said before anyone is chosen.
 */
export function pickClerk(state: ClerkChoiceState, clerk: ClerkChoice | null): ClerkPick {
  const sharing = state.sharing && state.target === 'line';
  if (!sharing || clerk === null) return { outcome: 'done', target: state.target, shares: sharesFor(clerk) };
  const firstShareBp = parseSharePercent(state.shareText);
  if (firstShareBp === null) return { outcome: 'problem', code: 'SHARE_INVALID' };
  if (state.first === null) return { outcome: 'next', state: { ...state, first: clerk } };
  const shared = shareBetween(state.first.id, clerk.id, firstShareBp);
  return shared.ok ? { outcome: 'done', target: state.target, shares: shared.shares } : { outcome: 'problem', code: shared.code };
}

/** Who a line or the till's new lines are credited to, as the screen shows it: `0014`, or `0014 60% · 0015 40%` when shared. */
export function sharesText(shares: readonly LineClerkShare[], codeOf: (clerkId: string) => string | undefined): string {
  const codes = shares.map((s) => codeOf(s.clerkId) ?? '?');
  return shares.length > 1 ? shares.map((s, i) => `${codes[i]} ${s.shareBp / 100}%`).join(' · ') : (codes[0] ?? '');
}

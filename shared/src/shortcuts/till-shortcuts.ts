import { z } from 'zod';
import { keyComboProblem, shortcutKeys, type KeyComboProblem } from './key-combo';

/**
 * Every sell-screen action a key reaches (每个功能项的快捷键). A new action is one line here, its
 * default key below, and its handler on the till. The scan field's own keys (Enter, + and −, Del,
 * Shift+Del, the arrows, Esc) are fixed and not listed.
 */
export const TillAction = z.enum([
  'refund',
  'cash',
  'member',
  'exact',
  'voucher',
  'discount',
  'price_override',
  'reprint',
  'complete',
  'no_sale',
  'card',
  'hold',
  'recall',
  'search',
  'sales_clerk',
  'stored_value',
  'points',
  'member_card',
  'cash_in_out',
  'x_report',
  'shift_close',
]);
export type TillAction = z.infer<typeof TillAction>;

/** The chain's shortcuts until HQ sets others: the keys the till has always had. */
export const defaultTillShortcuts: Readonly<Record<TillAction, string>> = {
  refund: 'F1',
  cash: 'F2',
  member: 'F3',
  exact: 'F4',
  voucher: 'F5',
  discount: 'F6',
  price_override: 'F7',
  reprint: 'F8',
  complete: 'F9',
  no_sale: 'F10',
  card: 'End',
  hold: 'Insert',
  recall: 'Home',
  search: 'Alt+F',
  sales_clerk: 'F11',
  stored_value: 'PageUp',
  points: 'PageDown',
  member_card: 'F12',
  cash_in_out: 'Alt+M',
  x_report: 'Alt+X',
  shift_close: 'Alt+Z',
};

export type ShortcutProblemCode = KeyComboProblem | 'SHORTCUT_DUPLICATE';

/** A shortcut that cannot be saved: its action, its key, why, and for a duplicate the other action holding the key. */
export interface ShortcutProblem {
  action: TillAction;
  key: string;
  code: ShortcutProblemCode;
  with: TillAction | null;
}

/** Every problem of a whole map, in the actions' order: a key the scan field needs, one the till does not take, one given twice (on each action holding it). */
export function checkTillShortcuts(shortcuts: Readonly<Record<TillAction, string>>): ShortcutProblem[] {
  return TillAction.options.flatMap((action): ShortcutProblem[] => {
    const key = shortcuts[action];
    const problem = keyComboProblem(key);
    if (problem) return [{ action, key, code: problem, with: null }];
    const other = TillAction.options.find((a) => a !== action && shortcuts[a] === key);
    return other ? [{ action, key, code: 'SHORTCUT_DUPLICATE', with: other }] : [];
  });
}

const problemText = (p: ShortcutProblem) =>
  p.code === 'SHORTCUT_DUPLICATE' ? `${p.code}: ${p.key} is also the key of ${p.with}`
    : p.code === 'SHORTCUT_RESERVED' ? `${p.code}: the scan field needs ${p.key}`
      : `${p.code}: ${p.key} cannot be a shortcut (F1–F12, Insert, Home, End, PageUp, PageDown, Pause or Alt with a letter or digit)`;

/** The chain's whole map of shortcuts as HQ keeps it and the office sends it: one key each, none twice, none the scan field needs. */
export const TillShortcuts = z
  .object(Object.fromEntries(TillAction.options.map((action) => [action, z.string().min(1).max(20)])) as Record<TillAction, z.ZodString>)
  .strict()
  .superRefine((shortcuts, ctx) => {
    for (const problem of checkTillShortcuts(shortcuts)) ctx.addIssue({ code: 'custom', path: [problem.action], message: problemText(problem) });
  });
export type TillShortcuts = z.infer<typeof TillShortcuts>;

/**
 * A map as stored or pulled, read leniently: it may predate an action, or come from a newer HQ
 * with one this till does not know. `completeTillShortcuts` makes a whole map of it.
 */
export const StoredTillShortcuts = z.record(z.string().max(40), z.string().max(40));
export type StoredTillShortcuts = z.infer<typeof StoredTillShortcuts>;

/**
 * A whole, valid map from a stored one: each action keeps its stored key when that key is valid
 * and not taken by an earlier action; an action without one gets its default, or, when another
 * action already holds that, the first free key. So every action stays reachable.
 */
export function completeTillShortcuts(stored: Readonly<Record<string, string>>): TillShortcuts {
  const kept = new Map<TillAction, string>();
  const taken = new Set<string>();
  for (const action of TillAction.options) {
    const key = stored[action];
    if (key === undefined || keyComboProblem(key) !== null || taken.has(key)) continue;
    kept.set(action, key);
    taken.add(key);
  }
  for (const action of TillAction.options) {
    if (kept.has(action)) continue;
    const preferred = defaultTillShortcuts[action];
    const key = taken.has(preferred) ? shortcutKeys.find((k) => !taken.has(k))! : preferred;
    kept.set(action, key);
    taken.add(key);
  }
  return Object.fromEntries(kept) as TillShortcuts;
}

/** The action a key combination reaches, or null. */
export function actionOfKey(shortcuts: Readonly<Record<TillAction, string>>, combo: string | null): TillAction | null {
  return combo === null ? null : (TillAction.options.find((action) => shortcuts[action] === combo) ?? null);
}

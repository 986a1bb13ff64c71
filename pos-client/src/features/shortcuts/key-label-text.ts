import { TillAction, type TillShortcuts } from '@pos/shared';

/** How a key is printed on a button: as the keyboard labels it (`Ins`, `PgDn`), the rest as named. */
const printed: Record<string, string> = { Insert: 'Ins', PageUp: 'PgUp', PageDown: 'PgDn' };

export function keyLabelText(combo: string): string {
  return printed[combo] ?? combo;
}

/** Every action's key as a message parameter (`{key_complete}`), so a text that names a key names the chain's. */
export function keyParams(shortcuts: Readonly<TillShortcuts>): Record<`key_${TillAction}`, string> {
  return Object.fromEntries(TillAction.options.map((action) => [`key_${action}`, keyLabelText(shortcuts[action])])) as Record<`key_${TillAction}`, string>;
}

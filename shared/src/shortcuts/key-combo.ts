/**
 * Key combinations as the till's shortcuts name them: `F9`, `Insert`, `PageDown`, `Alt+H`,
 * `Alt+7`. A combination is written in one canonical form, so a key press and a stored
 * shortcut compare as plain strings.
 */

const functionKeys = Array.from({ length: 12 }, (_, i) => `F${i + 1}`);
const namedKeys = ['Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Pause'];
const altKeys = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].map((c) => `Alt+${c}`);

/** Every combination a shortcut may use, in the order a free one is looked for. */
export const shortcutKeys: readonly string[] = [...functionKeys, ...namedKeys, ...altKeys];
const allowed = new Set(shortcutKeys);

/** Keys the scan field and the line keys need, with no Ctrl, Alt or Meta held: they can never be a shortcut. */
const scanFieldKeys = new Set(['Enter', 'Delete', 'Shift+Delete', 'Backspace', 'Tab', 'Space', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** Why a combination cannot be a shortcut: the scan field needs it, or it is none the till accepts. */
export type KeyComboProblem = 'SHORTCUT_RESERVED' | 'SHORTCUT_UNSUPPORTED';

export function keyComboProblem(combo: string): KeyComboProblem | null {
  if (allowed.has(combo)) return null;
  // A single character typed with at most Shift (a digit, a letter, `+`, `-`) goes into the scan field.
  const bare = combo.replace(/^Shift\+/, '');
  if (scanFieldKeys.has(combo) || [...bare].length === 1) return 'SHORTCUT_RESERVED';
  return 'SHORTCUT_UNSUPPORTED';
}

/** What a key press carries that names its combination: `KeyboardEvent`'s fields. */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

const modifierKeys = new Set(['Alt', 'AltGraph', 'Control', 'Shift', 'Meta', 'OS']);

/**
 * The combination a key press makes, in canonical form (`Alt+M`, `F9`, `Ctrl+S`, `A`), or null
 * for a modifier pressed alone. With Ctrl, Alt or Meta held the letter or digit comes from the
 * key's place on the keyboard, since such a press types another character on some layouts.
 */
export function keyComboOf(press: KeyPress): string | null {
  if (modifierKeys.has(press.key)) return null;
  const chorded = press.altKey || press.ctrlKey || press.metaKey;
  const place = /^(?:Key([A-Z])|Digit(\d))$/.exec(press.code);
  const base = chorded && place ? (place[1] ?? place[2]!) : press.key === ' ' ? 'Space' : [...press.key].length === 1 ? press.key.toUpperCase() : press.key;
  // Shift with a character is the character itself (`+` is Shift+= on many keyboards).
  const shift = press.shiftKey && ([...base].length > 1 || chorded);
  return [press.ctrlKey && 'Ctrl', press.altKey && 'Alt', shift && 'Shift', press.metaKey && 'Meta', base].filter(Boolean).join('+');
}

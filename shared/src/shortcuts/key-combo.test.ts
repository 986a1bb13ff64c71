import { describe, expect, it } from 'vitest';
import { keyComboOf, keyComboProblem, shortcutKeys, type KeyPress } from './key-combo';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code, altKey: false, ctrlKey: false, shiftKey: false, metaKey: false, ...mods });

describe('key combinations', () => {
  it('takes the function keys, the navigation keys and Alt with a letter or digit', () => {
    for (const combo of ['F1', 'F12', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Pause', 'Alt+H', 'Alt+7']) expect(keyComboProblem(combo)).toBeNull();
    expect(shortcutKeys).toHaveLength(12 + 6 + 36);
  });

  it('keeps every key the scan field needs for it', () => {
    for (const combo of ['7', 'A', 'Shift+A', 'Enter', '+', '-', 'Delete', 'Shift+Delete', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Escape', 'Backspace', 'Space', 'Tab']) {
      expect(keyComboProblem(combo), combo).toBe('SHORTCUT_RESERVED');
    }
  });

  it('refuses combinations the till does not take', () => {
    for (const combo of ['Ctrl+S', 'F13', 'Alt+F4', 'Shift+F9', 'alt+h', 'Alt+Shift+H', 'Meta+K', 'ContextMenu']) {
      expect(keyComboProblem(combo), combo).toBe('SHORTCUT_UNSUPPORTED');
    }
  });

  it('names a key press in the same form, by the key’s place when Alt is held', () => {
    expect(keyComboOf(press('F9', 'F9'))).toBe('F9');
    expect(keyComboOf(press('Insert', 'Insert'))).toBe('Insert');
    expect(keyComboOf(press('m', 'KeyM', { altKey: true }))).toBe('Alt+M');
    expect(keyComboOf(press('µ', 'KeyM', { altKey: true }))).toBe('Alt+M');
    expect(keyComboOf(press('¡', 'Digit1', { altKey: true }))).toBe('Alt+1');
    expect(keyComboOf(press('s', 'KeyS', { ctrlKey: true }))).toBe('Ctrl+S');
    expect(keyComboOf(press('a', 'KeyA'))).toBe('A');
    expect(keyComboOf(press('+', 'Equal', { shiftKey: true }))).toBe('+');
    expect(keyComboOf(press('Delete', 'Delete', { shiftKey: true }))).toBe('Shift+Delete');
    expect(keyComboOf(press('F9', 'F9', { shiftKey: true }))).toBe('Shift+F9');
    expect(keyComboOf(press(' ', 'Space'))).toBe('Space');
  });

  it('waits while only a modifier is down', () => {
    expect(keyComboOf(press('Alt', 'AltLeft', { altKey: true }))).toBeNull();
    expect(keyComboOf(press('Shift', 'ShiftLeft', { shiftKey: true }))).toBeNull();
  });
});

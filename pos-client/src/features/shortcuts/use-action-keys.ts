import { actionOfKey, keyComboOf, type TillAction } from '@pos/shared';
import { useLayoutEffect } from 'react';
import { useTillShortcuts } from './till-shortcuts-context';

/**
 * Runs an action when its key (the chain's, see `useTillShortcuts`) is pressed anywhere outside
 * an open dialog; `fixed` adds keys that are no action's (Esc). Bound as the screen is committed,
 * before it is painted, so a key pressed the moment the screen shows is not lost.
 */
export function useActionKeys(handlers: Partial<Record<TillAction, () => void>>, fixed: Readonly<Record<string, () => void>> = {}): void {
  const shortcuts = useTillShortcuts();
  useLayoutEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const combo = keyComboOf(event);
      const action = actionOfKey(shortcuts, combo);
      const run = (action && handlers[action]) ?? (combo === null ? undefined : fixed[combo]);
      // Only an open dialog keeps the keys: right after Esc, focus can still sit in the one just closed.
      const inDialog = event.target instanceof Element && event.target.closest('dialog[open]');
      if (!run || inDialog) return;
      event.preventDefault();
      run();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });
}

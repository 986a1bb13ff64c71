import type { TillAction } from '@pos/shared';
import { keyLabelText } from '../features/shortcuts/key-label-text';
import { useTillShortcuts } from '../features/shortcuts/till-shortcuts-context';

/** The key of an action as the chain set it, printed on the action's button. */
export function KeyLabel({ action }: { action: TillAction }) {
  const shortcuts = useTillShortcuts();
  return <span className="key">{keyLabelText(shortcuts[action])}</span>;
}

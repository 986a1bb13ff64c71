import { sellActions } from '../features/sales/use-sell-keys';
import { keyLabelText } from '../features/shortcuts/key-label-text';
import { useTillShortcuts } from '../features/shortcuts/till-shortcuts-context';
import { useI18n } from '../i18n/i18n-context';

/** The sell screen's line of keys: the scan field's own, then each sell action's key as the chain set it (the shift strip shows its own). */
export function SellKeysHint() {
  const { t } = useI18n();
  const shortcuts = useTillShortcuts();
  const actions = sellActions.map((action) => `${keyLabelText(shortcuts[action])} ${t(`sell.keyHint.${action}`)}`);
  return <div className="keys-hint" data-testid="keys-hint">{[t('sell.keysScan'), ...actions, t('sell.keysBack')].join(' · ')}</div>;
}

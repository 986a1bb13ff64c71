import type { PairedDevice } from '@pos/shared';
import type { BridgeState } from '../bridge/bridge-client';
import { useBridgePairing } from '../features/devices/use-bridge-pairing';
import { bridgeErrorText } from '../i18n/bridge-error-text';
import { useI18n } from '../i18n/i18n-context';
import { useModalDialog } from './use-modal-dialog';

interface BridgePairDialogProps {
  open: boolean;
  state: BridgeState;
  pairing: PairedDevice;
  onClose: () => void;
}

/** Typing the bridge's 6-digit code; opened from the status bar, so it never stands between the cashier and a sale. */
export function BridgePairDialog({ open, state, pairing, onClose }: BridgePairDialogProps) {
  const { t, locale } = useI18n();
  const pair = useBridgePairing(pairing, onClose);
  const ref = useModalDialog(open);

  return (
    <dialog
      ref={ref}
      className="bridge-pair"
      onClose={() => {
        pair.reset();
        onClose();
      }}
      data-testid="bridge-pair-dialog"
    >
      <form
        method="dialog"
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void pair.submit();
        }}
      >
        <h2>{t('bridgePair.title')}</h2>
        <p>{t('bridgePair.hint')}</p>
        <label className="field">
          <span>{t('bridgePair.codeLabel')}</span>
          <input
            className="input num bridge-code"
            value={pair.code}
            onChange={(event) => pair.setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            placeholder="000000"
            data-testid="bridge-code-input"
          />
        </label>
        {state === 'offline' && <div className="notice notice-quiet">{t('bridgePair.offline')}</div>}
        {pair.errorCode && (
          <div className="notice notice-error" role="alert" data-testid="bridge-pair-error">
            {bridgeErrorText(locale, pair.errorCode)}
          </div>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pair.busy || pair.code.length !== 6} data-testid="bridge-pair-button">
            {pair.busy ? t('bridgePair.busy') : t('bridgePair.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

import { useI18n } from '../i18n/i18n-context';
import { usePairDevice } from '../features/devices/use-pair-device';
import { CenteredCard } from './centered-card';

export function PairScreen({ onPaired, onCancel }: { onPaired: () => void; onCancel?: () => void }) {
  const { t, errorText } = useI18n();
  const pair = usePairDevice(onPaired);
  return (
    <CenteredCard showLanguage>
      <h1>{t('pair.title')}</h1>
      <p>{t('pair.hint')}</p>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void pair.submit();
        }}
      >
        <label className="field">
          <span>{t('pair.codeLabel')}</span>
          <input
            className="input num"
            value={pair.code}
            onChange={(event) => pair.setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            placeholder="00000000"
            data-testid="pairing-code-input"
          />
        </label>
        {pair.errorCode && (
          <div className="notice notice-error" role="alert" data-testid="pair-error">
            {errorText(pair.errorCode)}
          </div>
        )}
        <button type="submit" className="button button-primary" disabled={pair.busy || pair.code.length !== 8} data-testid="pair-button">
          {pair.busy ? t('pair.busy') : t('pair.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </form>
    </CenteredCard>
  );
}

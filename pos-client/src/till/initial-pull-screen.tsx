import { useI18n } from '../i18n/i18n-context';
import { useInitialPull } from '../sync/use-initial-pull';
import { CenteredCard } from './centered-card';

export function InitialPullScreen() {
  const { t, errorText } = useI18n();
  const { progress, errorCode, retry } = useInitialPull();
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <CenteredCard showLanguage>
      <h1>{t('initialSync.title')}</h1>
      <p>{t('initialSync.hint')}</p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="initial-pull-progress"
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="card-footer num">
        <span>{progress ? t('initialSync.progress', { done: progress.cursor, total: progress.headSeq }) : t('initialSync.waiting')}</span>
        <strong>{percent}%</strong>
      </div>
      {errorCode && (
        <>
          <div className="notice notice-error" role="alert">
            {errorText(errorCode)}
          </div>
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </>
      )}
    </CenteredCard>
  );
}

import { useI18n } from '../i18n/i18n-context';
import { snapshotParts } from '../sync/snapshot-parts';
import { useInitialPull } from '../sync/use-initial-pull';
import { CenteredCard } from './centered-card';

/** The first load of the catalog: how far each part is, overall and what remains; selling opens once a sale's needs are in. */
export function InitialPullScreen() {
  const { t, errorText, locale } = useI18n();
  const { progress, errorCode, retry } = useInitialPull();
  const counts = progress ? snapshotParts(progress) : null;
  const number = (n: number) => n.toLocaleString(locale);
  const percentOf = (loaded: number, total: number) => (total === 0 ? 100 : Math.floor((loaded / total) * 100));
  const percent = counts ? percentOf(counts.loaded, counts.total) : 0;
  return (
    <CenteredCard showLanguage>
      <h1>{t('initialSync.title')}</h1>
      <p>{t('initialSync.hint')}</p>
      <div className="progress" role="progressbar" aria-label={t('initialSync.title')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="initial-pull-progress">
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="card-footer num">
        <span data-testid="initial-pull-remaining">
          {counts ? t('initialSync.progress', { done: number(counts.loaded), total: number(counts.total), left: number(counts.total - counts.loaded) }) : t('initialSync.waiting')}
        </span>
        <strong>{percent}%</strong>
      </div>
      {counts && (
        <table className="load-parts num" data-testid="initial-pull-parts">
          <tbody>
            {counts.parts.map((part) => (
              <tr key={part.name} data-part={part.name} data-done={part.loaded >= part.total}>
                <th scope="row">{t(`initialSync.part.${part.name}`)}</th>
                <td>
                  <div className="progress progress-thin" aria-hidden="true">
                    <div style={{ width: `${percentOf(part.loaded, part.total)}%` }} />
                  </div>
                </td>
                <td>{part.loaded >= part.total ? t('initialSync.partDone') : `${number(part.loaded)} / ${number(part.total)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t('initialSync.sellSoon')}</p>
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

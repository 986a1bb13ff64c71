import { useI18n } from '../i18n/i18n-context';
import type { AppUpdate } from '../sw/use-app-update';

/**
 * A new version waiting, in the status bar: while a sale is in progress it says the version
 * installs after the sale; with nothing in progress it is a key that installs it now (it also
 * installs by itself a few seconds later). Small screens get the words in short.
 */
export function UpdateNotice({ update }: { update: AppUpdate }) {
  const { t } = useI18n();
  if (!update.pending) return null;
  const wait = update.wait ?? 'installing';
  const words = (long: Parameters<typeof t>[0], short: Parameters<typeof t>[0]) => (
    <>
      <span className="dot" />
      <span className="update-long">{t(long)}</span>
      <span className="update-short">{t(short)}</span>
    </>
  );
  return update.byHandAllowed ? (
    <button type="button" className="pill update" onClick={update.installByHand} data-testid="update-install" data-wait={wait}>
      {words('status.updateInstall', 'status.updateInstallShort')}
    </button>
  ) : (
    <span className="pill update" role="status" data-testid="update-waiting" data-wait={wait}>
      {words('status.updateWaiting', 'status.updateWaitingShort')}
    </span>
  );
}

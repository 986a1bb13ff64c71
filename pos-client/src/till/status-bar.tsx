import { useState } from 'react';
import type { PairedDevice } from '@pos/shared';
import { useTillServices } from '../app/services-context';
import type { ClerkSignIn } from '../db/till-db';
import { useI18n } from '../i18n/i18n-context';
import { formatClock } from '../i18n/translate';
import type { AppUpdate } from '../sw/use-app-update';
import { useSyncStatus } from '../sync/use-sync-status';
import { BridgeStatus } from './bridge-status';
import { MyMonthDialog } from './my-month-dialog';
import { RejectedDialog } from './rejected-dialog';
import { StockCountDialog } from './stock-count-dialog';
import { UpdateNotice } from './update-notice';

interface StatusBarProps {
  pairing: PairedDevice;
  session: ClerkSignIn | null;
  onSignOut: () => void;
  onRepair: () => void;
  update: AppUpdate;
}

export function StatusBar({ pairing, session, onSignOut, onRepair, update }: StatusBarProps) {
  const { t, toggleLocale, pickName, locale } = useI18n();
  const services = useTillServices();
  const sync = useSyncStatus();
  const [showRejected, setShowRejected] = useState(false);
  const [showMonth, setShowMonth] = useState(false);
  const [showCount, setShowCount] = useState(false);
  const connection = sync.connection === 'unknown' ? 'checking' : sync.connection;
  return (
    <>
      <header className={`status-bar${update.pending ? ' updating' : ''}`}>
        <div className="who">
          <strong data-testid="status-store">{pickName(pairing.store)}</strong>
          <span data-testid="status-device">
            {pairing.device.code} · {pairing.device.name}
          </span>
          {session && (
            <button type="button" className="clerk-month" onClick={() => setShowMonth(true)} title={t('myMonth.open')} data-testid="status-clerk">
              {session.name} ({session.code})
            </button>
          )}
        </div>
        {sync.deviceRefused && (
          <button type="button" className="pill alert" onClick={onRepair} data-testid="device-refused">
            {t('status.deviceRefused')} · {t('status.repair')}
          </button>
        )}
        <BridgeStatus pairing={pairing} />
        <span className={`pill ${connection}`} data-testid="online-indicator" data-state={connection}>
          <span className="dot" />
          {t(`status.${connection}`)}
        </span>
        <button type="button" className={`pill${sync.rejected > 0 ? ' alert' : ''}`} onClick={() => setShowRejected(true)} data-testid="outbox-count" data-unsent={sync.unsent} data-rejected={sync.rejected}>
          {t('status.outbox', { count: sync.unsent })}
          {sync.rejected > 0 && ` · ${t('status.rejected', { count: sync.rejected })}`}
        </button>
        {/* HQ changed a price or a role and the store cannot wait for the next pull: one touch syncs now. */}
        <button type="button" className="muted num sync-now" onClick={() => services.sync.syncNow()} title={t('status.syncNow')} data-testid="last-sync">
          {sync.lastSyncAt ? t('status.lastSync', { time: formatClock(locale, sync.lastSyncAt) }) : t('status.neverSynced')}
        </button>
        {session && (
          <button type="button" onClick={() => setShowCount(true)} data-testid="stock-count-open">
            {t('count.open')}
          </button>
        )}
        <UpdateNotice update={update} />
        <button type="button" onClick={toggleLocale} data-testid="language-switch">
          {t('status.language')}
        </button>
        {session && (
          <button type="button" onClick={onSignOut} data-testid="sign-out-button">
            {t('status.signOut')}
          </button>
        )}
      </header>
      {sync.versionRefused && (
        <p className="version-refused notice notice-error" role="alert" data-testid="version-refused">
          {t('status.versionRefused')}
        </p>
      )}
      <RejectedDialog open={showRejected} onClose={() => setShowRejected(false)} />
      {session && <StockCountDialog open={showCount} deviceToken={pairing.deviceToken} onClose={() => setShowCount(false)} />}
      {session && <MyMonthDialog open={showMonth} session={session} deviceToken={pairing.deviceToken} onClose={() => setShowMonth(false)} />}
    </>
  );
}

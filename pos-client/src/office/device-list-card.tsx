import { Fragment, useState } from 'react';
import type { DeviceSummary } from '@pos/shared';
import { formatDateTime } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';

interface DeviceListCardProps {
  devices: DeviceSummary[] | null;
  storeLabel: (storeId: string) => string;
  errorCode: string | null;
  busyId: string | null;
  rearmBusy: boolean;
  onRevoke: (deviceId: string) => void;
  onRearm: (device: DeviceSummary) => void;
}

/** The tills in scope; revoking one asks first, and a revoked one can get a new pairing code. */
export function DeviceListCard({ devices, storeLabel, errorCode, busyId, rearmBusy, onRevoke, onRearm }: DeviceListCardProps) {
  const { t, errorText, locale } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const stateText = (d: DeviceSummary) =>
    d.state === 'revoked' && d.revokedAt ? t('office.devices.state.revoked', { time: formatDateTime(locale, d.revokedAt) }) : t(`office.devices.state.${d.state}`);

  function action(d: DeviceSummary) {
    if (d.state === 'revoked') {
      return <button type="button" className="office-link" disabled={rearmBusy} onClick={() => onRearm(d)}>{t('office.devices.rearm')}</button>;
    }
    return (
      <button type="button" className="office-link office-button-danger" disabled={confirming === d.id} onClick={() => setConfirming(d.id)}>
        {t('office.devices.revoke')}
      </button>
    );
  }

  const confirmation = (d: DeviceSummary) => (
    <tr data-testid="revoke-confirmation">
      <td colSpan={5}>
        <div className="office-notice office-notice-error office-confirm" role="alertdialog" aria-label={t('office.devices.revoke')}>
          <span>{t('office.devices.revokeConfirm', { till: `${d.code} · ${d.name}` })}</span>
          <button type="button" className="office-button office-button-danger" disabled={busyId === d.id} onClick={() => { setConfirming(null); onRevoke(d.id); }}>
            {t('office.devices.revokeYes')}
          </button>
          <button type="button" className="office-button" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
        </div>
      </td>
    </tr>
  );

  return (
    <div className="office-card" data-testid="device-list">
      <h2>{t('office.devices.list')}</h2>
      {errorCode && <div className="office-notice office-notice-error" role="alert">{errorText(errorCode)}</div>}
      {devices?.length === 0 && <p className="office-muted">{t('office.devices.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="office-table">
          <thead>
            <tr>
              <th>{t('office.devices.code')}</th>
              <th>{t('office.report.store')}</th>
              <th>{t('office.devices.tillName')}</th>
              <th>{t('office.devices.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <Fragment key={d.id}>
                <tr data-device-state={d.state}>
                  <td className="num">{d.code}</td>
                  <td>{storeLabel(d.storeId)}</td>
                  <td>{d.name}</td>
                  <td>{stateText(d)}</td>
                  <td className="right">{action(d)}</td>
                </tr>
                {confirming === d.id && confirmation(d)}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

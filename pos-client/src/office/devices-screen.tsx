import { useState, type FormEvent } from 'react';
import { useOfficeHttp } from '../features/office-core/office-context';
import { useDevices } from '../features/office-devices/use-devices';
import { usePairingCode } from '../features/office-devices/use-pairing-code';
import { formatDateTime } from '../i18n/translate';
import { useI18n } from '../i18n/i18n-context';
import { DeviceListCard } from './device-list-card';
import { PairingCodeCard } from './pairing-code-card';

export function DevicesScreen() {
  const http = useOfficeHttp();
  const { t, errorText, locale, pickName } = useI18n();
  const devices = useDevices(http);
  const pairing = usePairingCode(http, () => void devices.reload());
  const [storeId, setStoreId] = useState('');
  const [tillName, setTillName] = useState('');
  const stores = pairing.stores ?? [];
  const chosen = storeId || stores[0]?.id || '';
  const storeLabel = (id: string) => {
    const store = stores.find((s) => s.id === id);
    return store ? `${store.code} · ${pickName(store)}` : id;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && tillName.trim()) void pairing.create(chosen, tillName);
  }

  return (
    <section className="office-page">
      <header className="office-page-header">
        <div>
          <h1>{t('office.devices.title')}</h1>
          <p>{t('office.devices.hint')}</p>
        </div>
      </header>
      <div className="office-two-columns">
        <form className="office-card office-form" onSubmit={submit}>
          <h2>{t('office.devices.newTill')}</h2>
          {pairing.storesError && <div className="office-notice office-notice-error">{errorText(pairing.storesError)}</div>}
          <label className="office-field">
            <span>{t('office.report.store')}</span>
            <select value={chosen} onChange={(e) => setStoreId(e.target.value)} disabled={stores.length === 0}>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>{storeLabel(s.id)}</option>
              ))}
            </select>
          </label>
          <label className="office-field">
            <span>{t('office.devices.tillName')}</span>
            <input value={tillName} maxLength={60} placeholder={t('office.devices.tillNamePlaceholder')} onChange={(e) => setTillName(e.target.value)} />
          </label>
          {pairing.errorCode && <div className="office-notice office-notice-error" role="alert">{errorText(pairing.errorCode)}</div>}
          <button type="submit" className="office-button office-button-primary" disabled={pairing.busy || !chosen || tillName.trim() === ''}>
            {pairing.busy ? t('office.devices.creating') : t('office.devices.create')}
          </button>
        </form>
        {pairing.latest ? (
          <PairingCodeCard code={pairing.latest} storeLabel={storeLabel(pairing.latest.storeId)} />
        ) : (
          <div className="office-card office-placeholder">{t('office.devices.steps')}</div>
        )}
      </div>
      <DeviceListCard
        devices={devices.devices}
        storeLabel={storeLabel}
        errorCode={devices.errorCode}
        busyId={devices.busyId}
        rearmBusy={pairing.busy}
        onRevoke={(id) => void devices.revoke(id)}
        onRearm={(device) => void pairing.rearm(device)}
      />
      {pairing.issued.length > 1 && (
        <div className="office-card">
          <h2>{t('office.devices.earlier')}</h2>
          <table className="office-table">
            <tbody>
              {pairing.issued.slice(1).map((c) => (
                <tr key={c.deviceId}>
                  <td>{storeLabel(c.storeId)}</td>
                  <td>{c.tillName}</td>
                  <td className="num">{c.code}</td>
                  <td>{t('office.devices.expires', { time: formatDateTime(locale, c.expiresAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { PairedDevice } from '@pos/shared';
import type { DeviceBadge } from '../features/devices/describe-devices';
import { useBridgeStatus } from '../features/devices/use-bridge-status';
import { useI18n } from '../i18n/i18n-context';
import { BridgePairDialog } from './bridge-pair-dialog';
import './bridge.css';

/** The bridge and each of its devices, in a few words, in the status bar. */
export function BridgeStatus({ pairing }: { pairing: PairedDevice }) {
  const { t, locale } = useI18n();
  const bridge = useBridgeStatus();
  const [pairOpen, setPairOpen] = useState(false);
  const label = (device: DeviceBadge) => {
    const details = [...device.problems.map((problem) => t(`device.${problem}`)), ...(device.queued > 0 ? [t('device.queued', { count: device.queued })] : [])];
    const name = t(`device.${device.kind}`);
    return details.length > 0 ? t('device.detailed', { device: name, details: details.join(locale === 'en' ? ', ' : '，') }) : name;
  };
  return (
    <>
      {bridge.state === 'unpaired' ? (
        <button type="button" className="pill alert" onClick={() => setPairOpen(true)} data-testid="bridge-status" data-state={bridge.state}>
          {t('bridge.unpaired')} · {t('bridge.pairAction')}
        </button>
      ) : (
        <span className={`pill bridge-${bridge.state}`} data-testid="bridge-status" data-state={bridge.state} title={t('bridge.devicesTitle')}>
          {bridge.state !== 'ready' && <span className="dot" />}
          {bridge.state !== 'ready' ? t(`bridge.${bridge.state}`) : bridge.devices.length === 0 && t('device.none')}
          {bridge.state === 'ready' &&
            bridge.devices.map((device) => (
              <span
                key={device.id}
                className={`device${device.problems.length > 0 ? ' device-problem' : device.queued > 0 ? ' device-busy' : ''}`}
                title={device.name}
                data-testid={`bridge-device-${device.kind}`}
                data-problems={device.problems.join(' ')}
                data-queued={device.queued}
              >
                <span className="dot" />
                {label(device)}
              </span>
            ))}
        </span>
      )}
      {createPortal(<BridgePairDialog open={pairOpen} state={bridge.state} pairing={pairing} onClose={() => setPairOpen(false)} />, document.body)}
    </>
  );
}

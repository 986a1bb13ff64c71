import { useTillServices } from '../../app/services-context';
import { useBridgeSnapshot } from '../../bridge/use-bridge';
import { describeDevices } from './describe-devices';

/** The bridge's link state and its devices, as the status bar shows them. */
export function useBridgeStatus() {
  const { bridge } = useTillServices();
  const { state, devices } = useBridgeSnapshot(bridge);
  return { state, devices: describeDevices(devices) };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeEvent, BridgeMessage } from '@pos/shared/bridge/index';
import { pairedTill, startTestBridge } from '../bridge/bridge-harness.test-support';
import { keyboardReportsFor, SIM_CARD_READER, SIM_SCANNER } from '../sim/simulated-hid';

const isEvent = <K extends BridgeEvent['kind']>(kind: K) => (m: BridgeMessage): m is { type: 'event'; event: Extract<BridgeEvent, { kind: K }> } => m.type === 'event' && m.event.kind === kind;

describe('scanner and card reader through the bridge', () => {
  let harness: Awaited<ReturnType<typeof startTestBridge>>;
  beforeAll(async () => {
    harness = await startTestBridge();
  });
  afterAll(() => harness.close());

  it('sends a scan to the paired till', async () => {
    const { till } = await pairedTill(harness);
    harness.hid.send(SIM_SCANNER.path, keyboardReportsFor('6901234567892'));
    const scan = await till.waitFor(isEvent('scan'));
    expect(scan.event).toEqual({ kind: 'scan', deviceId: SIM_SCANNER.path, data: '6901234567892', symbology: null });
    till.ws.close();
  });

  it('sends a swipe to the till and logs the card number masked only', async () => {
    const { till } = await pairedTill(harness);
    harness.hid.send(SIM_CARD_READER.path, keyboardReportsFor('%B6222021234567890^ZHANG/SAN^2812?;6222021234567890=2812?'));
    const swipe = await till.waitFor(isEvent('card.swiped'));
    expect(swipe.event.card.number).toBe('6222021234567890');
    expect(harness.logs.join('\n')).not.toContain('6222021234567890');
    expect(harness.logs.join('\n')).toContain('************7890');
    harness.hid.send(SIM_CARD_READER.path, keyboardReportsFor('%E?;E?'));
    await till.waitFor(isEvent('card.misread'));
    till.ws.close();
  });

  it('notices a scanner pulled out and plugged back in', async () => {
    const { till } = await pairedTill(harness);
    harness.hid.unplug(SIM_SCANNER.path);
    await harness.bridge.scanHid();
    await till.waitFor(isEvent('device.detached'));
    harness.hid.plug(SIM_SCANNER);
    await harness.bridge.scanHid();
    const attached = await till.waitFor(isEvent('device.attached'));
    expect(attached.event.device).toMatchObject({ id: SIM_SCANNER.path, kind: 'scanner', transport: 'hid' });
    till.ws.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_CLOSE, type BridgeMessage } from '@pos/shared/bridge/index';
import { connectTill, startTestBridge } from './bridge-harness.test-support';

type Harness = Awaited<ReturnType<typeof startTestBridge>>;
const MINUTE = 60_000;
const notThe = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const errorCodes = (messages: BridgeMessage[]) => messages.flatMap((m) => (m.type === 'error' ? [m.error.code] : []));

describe('pairing with the bridge', () => {
  let harness: Harness;
  let offset = 0;
  const now = () => Date.UTC(2026, 0, 5, 9) + offset;
  const start = async () => {
    offset = 0;
    harness = await startTestBridge({ now });
    return harness;
  };
  afterEach(() => harness.close());

  const tryCode = async (h: Harness, code: string) => {
    const till = await connectTill(h.url);
    const answer = await till.request({ type: 'pair', code, tillName: 'Till 1' });
    till.ws.close();
    return answer;
  };

  it('closes a connection after three wrong codes, however fast they are sent', async () => {
    const h = await start();
    const till = await connectTill(h.url);
    const closed = till.closed();
    for (let i = 0; i < 50; i++) till.ws.send(JSON.stringify({ id: `p${i}`, type: 'pair', code: notThe(h.pairingCode()), tillName: 'Till X' }));
    expect(await closed).toBe(BRIDGE_CLOSE.tooManyCodes);
    expect(errorCodes(till.messages).filter((c) => c === 'PAIRING_CODE_INVALID')).toHaveLength(3);
    expect(await tryCode(h, h.pairingCode())).toMatchObject({ type: 'result' });
  });

  it('locks pairing for every connection after ten wrong codes in a minute, refusing even the right code until the lock passes', async () => {
    const h = await start();
    const answers: string[] = [];
    for (let i = 0; i < 15; i++) {
      const answer = await tryCode(h, notThe(h.pairingCode()));
      answers.push(answer.type === 'error' ? answer.error.code : 'paired');
    }
    expect(answers).toEqual([...Array<string>(10).fill('PAIRING_CODE_INVALID'), ...Array<string>(5).fill('PAIRING_LOCKED')]);
    expect(h.logs.some((line) => line.startsWith('pairing locked until'))).toBe(true);
    const right = h.pairingCode();
    expect(await tryCode(h, right)).toMatchObject({ type: 'error', error: { code: 'PAIRING_LOCKED' } });
    offset += 4 * MINUTE;
    expect(await tryCode(h, right)).toMatchObject({ type: 'error', error: { code: 'PAIRING_LOCKED' } });
    offset += 1 * MINUTE + 1;
    expect(await tryCode(h, right)).toMatchObject({ type: 'result' });
  });

  it('locks for longer each time guessing goes on', async () => {
    const h = await start();
    for (const lockMinutes of [5, 10]) {
      for (let i = 0; i < 10; i++) await tryCode(h, notThe(h.pairingCode()));
      offset += lockMinutes * MINUTE - 1;
      expect(await tryCode(h, h.pairingCode())).toMatchObject({ type: 'error', error: { code: 'PAIRING_LOCKED' } });
      offset += 1;
    }
    expect(await tryCode(h, h.pairingCode())).toMatchObject({ type: 'result' });
  });

  it('refuses a code ten minutes old and shows a new one that works', async () => {
    const h = await start();
    const old = h.pairingCode();
    offset += 10 * MINUTE;
    expect(await tryCode(h, old)).toMatchObject({ type: 'error', error: { code: 'PAIRING_CODE_EXPIRED' } });
    expect(h.pairingCode()).not.toBe(old);
    expect(await tryCode(h, h.pairingCode())).toMatchObject({ type: 'result' });
  });
});

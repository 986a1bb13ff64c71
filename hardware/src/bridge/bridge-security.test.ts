import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { BRIDGE_CLOSE } from '@pos/shared/bridge/index';
import { connectTill, pairedTill, startTestBridge } from './bridge-harness.test-support';
import { longSale } from '../sim/sample-documents';

describe('bridge security', () => {
  let harness: Awaited<ReturnType<typeof startTestBridge>>;
  beforeAll(async () => {
    harness = await startTestBridge();
  });
  afterAll(() => harness.close());

  it('refuses a page from an Origin that is not configured', async () => {
    await expect(connectTill(harness.url, { origin: 'https://shop.example' })).rejects.toThrow('refused 403');
  });

  it('refuses a Host other than the loopback name and port (DNS rebinding)', async () => {
    await expect(connectTill(harness.url, { host: `rebind.example:${harness.bridge.port}` })).rejects.toThrow('refused 403');
  });

  it('closes a connection whose token it does not know with the unknown-token code, answering nothing', async () => {
    const till = await connectTill(harness.url, { token: 'x'.repeat(43) });
    const closed = till.closed();
    till.ws.send(JSON.stringify({ id: 'r1', type: 'devices.list' }));
    expect(await closed).toBe(BRIDGE_CLOSE.unknownToken);
    expect(till.messages).toEqual([]);
  });

  it('answers an unpaired connection with UNAUTHENTICATED and closes it', async () => {
    const till = await connectTill(harness.url);
    const closed = till.closed();
    const answer = await till.request({ type: 'devices.list' });
    expect(answer).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED' } });
    expect(await closed).toBe(BRIDGE_CLOSE.unpaired);
  });

  it('rejects a wrong pairing code and gives nothing away', async () => {
    const till = await connectTill(harness.url);
    const wrong = harness.pairingCode() === '000000' ? '111111' : '000000';
    const answer = await till.request({ type: 'pair', code: wrong, tillName: 'Till X' });
    expect(answer).toMatchObject({ type: 'error', error: { code: 'PAIRING_CODE_INVALID' } });
    till.ws.close();
  });

  it('lets a paired till list devices and answers malformed messages with a typed error that prints nothing', async () => {
    const { till } = await pairedTill(harness);
    const devices = await till.request({ type: 'devices.list' });
    expect(devices.type).toBe('result');
    till.ws.send('{not json');
    const badJson = await till.waitFor((m): m is Extract<typeof m, { type: 'error' }> => m.type === 'error' && m.id === null);
    expect(badJson.error.code).toBe('BAD_MESSAGE');
    const badPrint = await till.request({ type: 'print.receipt', jobId: randomUUID(), receipt: { documentId: 'x', blocks: [{ kind: 'text', text: 'a\u001bp\u0000' }], currencyExponent: 2 } });
    expect(badPrint).toMatchObject({ type: 'error', error: { code: 'BAD_MESSAGE' } });
    const unknownType = await till.request({ type: 'file.read', path: '/etc/passwd' });
    expect(unknownType).toMatchObject({ type: 'error', error: { code: 'BAD_MESSAGE' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(harness.printer.jobs).toHaveLength(0);
    till.ws.close();
  });

  it('rate-limits drawer kicks and logs each print and kick with its sale id', async () => {
    const { till } = await pairedTill(harness);
    const saleId = longSale(1).sale.id;
    expect(await till.request({ type: 'drawer.open', saleId })).toMatchObject({ type: 'result' });
    expect(await till.request({ type: 'drawer.open', saleId })).toMatchObject({ type: 'error', error: { code: 'RATE_LIMITED' } });
    const entries = harness.logs.filter((l) => l.includes('"action":"drawer"'));
    expect(entries.map((l) => JSON.parse(l) as { saleId: string; outcome: string })).toEqual([
      expect.objectContaining({ saleId, outcome: 'opened' }),
      expect.objectContaining({ saleId, outcome: 'rate_limited' }),
    ]);
    till.ws.close();
  });
});

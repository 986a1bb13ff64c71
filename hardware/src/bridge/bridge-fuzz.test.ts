import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '@pos/shared/bridge/index';
import { connectTill, pairedTill, startTestBridge, TILL_ORIGIN } from './bridge-harness.test-support';
import { encodeFrame, rawUpgrade, type RawConnection, type RawFrame } from './raw-websocket.test-support';

const MB = 1024 * 1024;
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const closePayload = (code: number) => Uint8Array.of(code >> 8, code & 0xff);

/** Each hostile input a page on the till's own origin could send, and the close code it earns. */
const HOSTILE: [string, number, RawFrame[]][] = [
  ['a 2 MB message in one frame', 1009, [{ opcode: 1, payload: new Uint8Array(2 * MB).fill(0x20) }]],
  ['a 2 MB message in 64 KB fragments', 1009, Array.from({ length: 32 }, (_, i) => ({ opcode: i === 0 ? 1 : 0, fin: i === 31, payload: new Uint8Array(64 * 1024).fill(0x20) }))],
  ['a length header of 2^40', 1009, [{ opcode: 2, payload: new Uint8Array(0), declaredLength: 2n ** 40n }]],
  ['a text frame of invalid UTF-8', 1007, [{ opcode: 1, payload: Uint8Array.of(0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d) }]],
  ['an unmasked frame', 1002, [{ opcode: 1, masked: false, payload: text('{"id":"a","type":"devices.list"}') }]],
  ['opcode 3', 1002, [{ opcode: 3, payload: text('x') }]],
  ['RSV1 set on a text frame', 1002, [{ opcode: 1, rsv: 4, payload: text('{}') }]],
  ['close code 999', 1002, [{ opcode: 8, payload: closePayload(999) }]],
];

describe('the bridge under hostile WebSocket bytes', () => {
  let harness: Awaited<ReturnType<typeof startTestBridge>>;
  let token: string;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => void crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    harness = await startTestBridge();
    const paired = await pairedTill(harness);
    token = paired.token;
    paired.till.ws.close();
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await harness.close();
  });

  const upgrade = (paired: boolean) =>
    rawUpgrade(harness.bridge.port, { origin: TILL_ORIGIN, protocols: [BRIDGE_PROTOCOL, ...(paired ? [`${BRIDGE_TOKEN_PREFIX}${token}`] : [])] });

  /** The process took no uncaught error, and a new till connection is answered. */
  async function expectBridgeAnswers(): Promise<void> {
    expect(crashes).toEqual([]);
    const till = await connectTill(harness.url, { token });
    expect(await till.request({ type: 'devices.list' })).toMatchObject({ type: 'result' });
    till.ws.close();
  }

  async function hangUp(raw: RawConnection): Promise<void> {
    raw.socket.end();
    if (raw.socket.closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (raw.socket.destroy(), resolve()), 2000);
      raw.socket.once('close', () => (clearTimeout(timer), resolve()));
    });
  }

  it.each(HOSTILE)('survives %s, closing only that connection (code %i)', async (_name, code, frames) => {
    const bystander = await connectTill(harness.url, { token });
    const raw = await upgrade(false);
    for (const frame of frames) raw.socket.write(encodeFrame(frame));
    expect(await raw.closeCode()).toBe(code);
    await expectBridgeAnswers();
    expect(await bystander.request({ type: 'devices.list' })).toMatchObject({ type: 'result' });
    bystander.ws.close();
  });

  it('answers JSON that fails the schema with an error and keeps the connection open', async () => {
    const raw = await upgrade(true);
    const bad = ['{"id":"a","type":"print.receipt","jobId":"nope"}', '[1,2,3]', '{"id":{"x":1},"type":"pair"}', 'null', `{"id":"b","type":"drawer.open","saleId":${'9'.repeat(400)}}`];
    for (const message of bad) raw.socket.write(encodeFrame({ opcode: 1, payload: text(message) }));
    raw.socket.write(encodeFrame({ opcode: 1, payload: text('{"id":"ok","type":"devices.list"}') }));
    await expect.poll(() => raw.messages().length).toBeGreaterThanOrEqual(bad.length + 1);
    const answers = raw.messages() as { type: string; id: string | null; error?: { code: string } }[];
    expect(answers.filter((m) => m.type === 'error').map((m) => m.error?.code)).toEqual(bad.map(() => 'BAD_MESSAGE'));
    expect(answers.find((m) => m.id === 'ok')).toMatchObject({ type: 'result' });
    await hangUp(raw);
    await expectBridgeAnswers();
  });

  it('survives a handler that throws, answering INTERNAL without the error text', async () => {
    const { printers } = harness.bridge;
    const job = printers.job;
    printers.job = () => {
      throw new Error('secret /var/lib/state path');
    };
    try {
      const till = await connectTill(harness.url, { token });
      const answer = await till.request({ type: 'job.get', jobId: '0190f5a2-7c3e-7a10-8b2c-4d5e6f708192' });
      expect(answer).toMatchObject({ type: 'error', error: { code: 'INTERNAL' } });
      expect(JSON.stringify(answer)).not.toContain('secret');
      expect(await till.request({ type: 'devices.list' })).toMatchObject({ type: 'result' });
      till.ws.close();
    } finally {
      printers.job = job;
    }
    await expectBridgeAnswers();
  });

  it('survives raw bytes that are not HTTP at all', async () => {
    for (const bytes of [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff]), Buffer.from('GET / HTTP/1.1\r\nHost: \u0000\r\n\r\n'), Buffer.alloc(70_000, 0x41)]) {
      const socket = connect({ host: '127.0.0.1', port: harness.bridge.port });
      socket.on('error', () => undefined);
      socket.resume();
      socket.write(bytes);
      socket.end();
      await new Promise((resolve) => socket.once('close', resolve));
    }
    await expectBridgeAnswers();
  });

  const requestLike = fc
    .record({
      id: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)),
      type: fc.constantFrom('pair', 'devices.list', 'print.receipt', 'print.document', 'drawer.open', 'job.get', 'file.read'),
      code: fc.stringMatching(/^\d{0,7}$/),
      tillName: fc.string({ maxLength: 70 }),
      jobId: fc.oneof(fc.uuid(), fc.string()),
      saleId: fc.oneof(fc.string({ maxLength: 70 }), fc.constant(null)),
      receipt: fc.anything({ maxDepth: 3 }),
      document: fc.anything({ maxDepth: 3 }),
    }, { requiredKeys: ['id', 'type'] })
    .map((body) => text(JSON.stringify(body)));
  const payload = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.json({ maxDepth: 4 }).map(text), requestLike);
  const frame: fc.Arbitrary<RawFrame> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ opcode: fc.constant(1), payload }) },
    {
      weight: 3,
      arbitrary: fc.record({
        opcode: fc.integer({ min: 0, max: 15 }),
        payload,
        fin: fc.boolean(),
        rsv: fc.integer({ min: 0, max: 7 }),
        masked: fc.boolean(),
        declaredLength: fc.option(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), { freq: 4, nil: undefined }),
      }),
    },
  );

  it('survives a few hundred seeded random frames, each batch on its own connection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 4 }), async (paired, frames) => {
        const raw = await upgrade(paired);
        for (const f of frames) raw.socket.write(encodeFrame(f));
        await hangUp(raw);
        await expectBridgeAnswers();
      }),
      { seed: 20_261_201, numRuns: 300, interruptAfterTimeLimit: 60_000 },
    );
  }, 90_000);
});

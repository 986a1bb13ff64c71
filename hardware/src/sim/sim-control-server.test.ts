import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simSocketPath } from './sim-commands';
import { startSimControl } from './sim-control-server';
import { SimulatedHid } from './simulated-hid';
import { SimulatedNetworkPrinter } from './simulated-network-printer';

describe('simulator control socket', () => {
  let stateDir: string;
  let server: Server;
  const printer = new SimulatedNetworkPrinter();
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => void crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    stateDir = await mkdtemp(join(tmpdir(), 'pos-sim-control-'));
    server = await startSimControl(stateDir, new SimulatedHid(), printer);
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await new Promise((resolve) => server.close(resolve));
    await printer.switchOff();
    await rm(stateDir, { recursive: true, force: true });
  });

  const send = (bytes: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(simSocketPath(stateDir));
      let reply = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (reply += chunk));
      socket.on('error', () => resolve(reply));
      socket.on('close', () => resolve(reply));
      socket.write(bytes);
    });

  it('cuts off a peer that sends a line too long, and keeps serving', async () => {
    expect(JSON.parse(await send('x'.repeat(100_000)))).toEqual({ ok: false, message: 'command too long' });
    expect(JSON.parse(await send('{"cmd":"paper","out":true}\n'))).toEqual({ ok: true, message: 'paper out' });
    expect(crashes).toEqual([]);
  });

  it('answers a command that fails with ok false instead of dying', async () => {
    await printer.switchOn();
    expect(JSON.parse(await send('{"cmd":"printer","power":"on"}\n'))).toMatchObject({ ok: false });
    expect(JSON.parse(await send('{"cmd":"printer","power":"off"}\n{"cmd":"printer","power":"on"}\n'))).toEqual({ ok: true, message: 'printer off' });
    expect(crashes).toEqual([]);
  });
});

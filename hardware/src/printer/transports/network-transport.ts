import { connect, type Socket } from 'node:net';
import { concatBytes, statusRequest } from '../escpos-commands';
import { OFFLINE, parseStatusBytes, TransportError, type LinkStatus, type PrinterTransport } from './printer-transport';

export interface NetworkTarget {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

/** Raw TCP (port 9100, "JetDirect"): one connection per job, closed when the job is written. */
export function networkTransport(target: NetworkTarget): PrinterTransport {
  return {
    kind: 'network',
    description: `${target.host}:${target.port}`,
    write: (bytes) => writeJob(target, bytes),
    status: () => queryStatus(target),
    close: async () => undefined,
  };
}

function open(target: NetworkTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => socket.destroy(new Error('connect timed out')), target.connectTimeoutMs ?? 2000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new TransportError(`printer at ${target.host}:${target.port} unreachable: ${error.message}`, false));
    });
  });
}

async function writeJob(target: NetworkTarget, bytes: Uint8Array): Promise<void> {
  const socket = await open(target);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (error) => reject(new TransportError(`printer connection broke: ${error.message}`, true)));
    socket.once('close', (hadError) => (hadError ? undefined : resolve()));
    socket.end(bytes);
  });
}

async function queryStatus(target: NetworkTarget): Promise<LinkStatus> {
  let socket: Socket;
  try {
    socket = await open(target);
  } catch {
    return OFFLINE;
  }
  const answer = await new Promise<number[]>((resolve) => {
    const bytes: number[] = [];
    const done = () => resolve(bytes);
    const timer = setTimeout(done, 800);
    socket.on('data', (chunk: Buffer) => {
      bytes.push(...chunk);
      if (bytes.length >= 2) {
        clearTimeout(timer);
        done();
      }
    });
    socket.once('error', done);
    socket.write(concatBytes([statusRequest(2), statusRequest(4)]));
  });
  socket.destroy();
  return parseStatusBytes(answer[0], answer[1]);
}

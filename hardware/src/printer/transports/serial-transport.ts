import type { SerialPort } from 'serialport';
import { concatBytes, statusRequest } from '../escpos-commands';
import { OFFLINE, parseStatusBytes, TransportError, type LinkStatus, type PrinterTransport } from './printer-transport';

export interface SerialTarget {
  path: string;
  baudRate: number;
}

/** An RS-232 or USB-serial printer; the port is opened per job so an unplugged cable heals. */
export function serialTransport(target: SerialTarget): PrinterTransport {
  return {
    kind: 'serial',
    description: `${target.path} @ ${target.baudRate}`,
    async write(bytes) {
      const port = await openPort(target);
      try {
        await new Promise<void>((resolve, reject) => port.write(Buffer.from(bytes), (e) => (e ? reject(new TransportError(e.message, true)) : resolve())));
        await new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(new TransportError(e.message, true)) : resolve())));
      } finally {
        port.close();
      }
    },
    status: () => queryStatus(target),
    close: async () => undefined,
  };
}

async function openPort(target: SerialTarget): Promise<SerialPort> {
  const { SerialPort } = await import('serialport');
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path: target.path, baudRate: target.baudRate, autoOpen: false });
    port.open((error) => (error ? reject(new TransportError(`cannot open ${target.path}: ${error.message}`, false)) : resolve(port)));
  });
}

async function queryStatus(target: SerialTarget): Promise<LinkStatus> {
  let port: SerialPort;
  try {
    port = await openPort(target);
  } catch {
    return OFFLINE;
  }
  const answer = await new Promise<number[]>((resolve) => {
    const bytes: number[] = [];
    const timer = setTimeout(() => resolve(bytes), 500);
    port.on('data', (chunk: Buffer) => {
      bytes.push(...chunk);
      if (bytes.length >= 2) {
        clearTimeout(timer);
        resolve(bytes);
      }
    });
    port.write(Buffer.from(concatBytes([statusRequest(2), statusRequest(4)])));
  });
  port.close();
  return parseStatusBytes(answer[0], answer[1]);
}

import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { BRIDGE_PROTOCOL } from '@pos/shared/bridge/index';

/** One WebSocket frame as a client could put it on the wire, lies included. */
export interface RawFrame {
  opcode: number;
  payload: Uint8Array;
  fin?: boolean;
  /** The three reserved bits, 0–7. */
  rsv?: number;
  masked?: boolean;
  /** The length the header claims, when it is not the payload's. */
  declaredLength?: bigint;
}

export function encodeFrame(frame: RawFrame): Buffer {
  const length = frame.declaredLength ?? BigInt(frame.payload.length);
  const masked = frame.masked ?? true;
  const first = ((frame.fin ?? true) ? 0x80 : 0) | ((frame.rsv ?? 0) << 4) | (frame.opcode & 0x0f);
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, maskBit | Number(length)]);
  else if (length < 65_536n) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(Number(length), 2);
    header[1] = maskBit | 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(length, 2);
    header[1] = maskBit | 127;
  }
  header[0] = first;
  if (!masked) return Buffer.concat([header, frame.payload]);
  const key = randomBytes(4);
  const body = Buffer.from(frame.payload.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([header, key, body]);
}

/** A WebSocket client written by hand on a TCP socket, so it can send what `ws` never would. */
export interface RawConnection {
  socket: Socket;
  /** Resolves with the code of the server's close frame, or null if the socket ended without one. */
  closeCode(timeoutMs?: number): Promise<number | null>;
  /** Every text message the server sent, as parsed JSON. */
  messages(): unknown[];
}

export async function rawUpgrade(port: number, options: { origin: string; protocols?: string[] }): Promise<RawConnection> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  let buffer = Buffer.alloc(0);
  const upgraded = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 4);
      socket.off('data', onData);
      socket.on('data', (more: Buffer) => (buffer = Buffer.concat([buffer, more])));
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed during the handshake')));
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const protocols = options.protocols ?? [BRIDGE_PROTOCOL];
  socket.write(
    [
      'GET / HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Protocol: ${protocols.join(', ')}`,
      `Origin: ${options.origin}`,
      '',
      '',
    ].join('\r\n'),
  );
  await upgraded;
  return {
    socket,
    async closeCode(timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const code = serverFrames(buffer).find((f) => f.opcode === 8)?.code;
        if (code !== undefined) {
          socket.end();
          return code;
        }
        if (socket.destroyed || Date.now() > deadline) return null;
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 10))]);
      }
    },
    messages: () => serverFrames(buffer).flatMap((f) => (f.opcode === 1 ? [JSON.parse(f.payload.toString('utf8')) as unknown] : [])),
  };
}

/** The server's frames (never masked) in what has arrived so far; a close frame carries its code. */
function serverFrames(bytes: Buffer): { opcode: number; payload: Buffer; code?: number }[] {
  const frames: { opcode: number; payload: Buffer; code?: number }[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) break;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) break;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) break;
    const payload = bytes.subarray(start, start + length);
    frames.push({ opcode, payload, ...(opcode === 8 && payload.length >= 2 ? { code: payload.readUInt16BE(0) } : {}) });
    at = start + length;
  }
  return frames;
}

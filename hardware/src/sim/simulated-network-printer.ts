import { createServer, type Server, type Socket } from 'node:net';
import { EventEmitter } from 'node:events';

/**
 * A raw-9100 printer on loopback. It keeps every job's bytes, answers real-time status
 * requests, and can be switched off and on again on the same port.
 */
export interface SimulatedPrinterState {
  paperOut: boolean;
  coverOpen: boolean;
}

export class SimulatedNetworkPrinter extends EventEmitter<{ job: [Uint8Array] }> {
  readonly jobs: Uint8Array[] = [];
  readonly state: SimulatedPrinterState = { paperOut: false, coverOpen: false };
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async switchOn(port = this.port): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined);
    this.server = server;
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  async switchOff(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    let onlyStatus = true;
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      onlyStatus = onlyStatus && isStatusRequests(all);
      const complete = Math.floor(all.length / 3) * 3;
      if (onlyStatus && complete > answered) socket.write(this.answer(all.subarray(answered, complete)));
      answered = complete;
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      const bytes = new Uint8Array(Buffer.concat(chunks));
      if (!onlyStatus && bytes.length > 0) {
        this.jobs.push(bytes);
        this.emit('job', bytes);
      }
    });
  }

  private answer(requests: Buffer): Buffer {
    const out: number[] = [];
    for (let i = 0; i + 2 < requests.length; i += 3) {
      const n = requests[i + 2];
      out.push(n === 2 ? 0x12 | (this.state.coverOpen ? 0x04 : 0) : n === 4 ? 0x12 | (this.state.paperOut ? 0x60 : 0) : 0x12);
    }
    return Buffer.from(out);
  }
}

function isStatusRequests(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const expected = i % 3 === 0 ? 0x10 : i % 3 === 1 ? 0x04 : null;
    if (expected !== null && bytes[i] !== expected) return false;
  }
  return true;
}

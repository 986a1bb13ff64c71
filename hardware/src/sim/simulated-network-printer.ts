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

/**
 * Whether it lets go of a job once printed. A busy printer prints each job as it arrives but keeps
 * the connection open, as one still working through a long job does, so the bridge is left with
 * the job being sent: the moment a bridge may stop between the printer taking a job and the
 * bridge knowing. Made ready again, it lets go of the jobs it holds.
 */
type Holding = { busy: false } | { busy: true; held: Set<Socket> };

export class SimulatedNetworkPrinter extends EventEmitter<{ job: [Uint8Array] }> {
  readonly jobs: Uint8Array[] = [];
  readonly state: SimulatedPrinterState = { paperOut: false, coverOpen: false };
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private holding: Holding = { busy: false };
  port = 0;

  setBusy(busy: boolean): void {
    if (busy && !this.holding.busy) this.holding = { busy: true, held: new Set() };
    if (busy || !this.holding.busy) return;
    const { held } = this.holding;
    this.holding = { busy: false };
    for (const socket of held) socket.end();
  }

  async switchOn(port = this.port): Promise<number> {
    const server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
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
    let printed = false;
    const print = () => {
      const bytes = new Uint8Array(Buffer.concat(chunks));
      if (printed || onlyStatus || bytes.length === 0) return;
      printed = true;
      this.jobs.push(bytes);
      this.emit('job', bytes);
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      onlyStatus = onlyStatus && isStatusRequests(all);
      const complete = Math.floor(all.length / 3) * 3;
      if (onlyStatus && complete > answered) socket.write(this.answer(all.subarray(answered, complete)));
      answered = complete;
    });
    // The sender has sent the whole job: a ready printer lets go, a busy one prints it and holds on.
    socket.on('end', () => {
      if (!this.holding.busy || onlyStatus) return void socket.end();
      print();
      this.holding.held.add(socket);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.holding.busy) this.holding.held.delete(socket);
      print();
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

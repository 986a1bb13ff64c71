import { createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { SimCommand, simSocketPath } from './sim-commands';
import { keyboardReportsFor, SIM_CARD_READER, SIM_SCANNER, type SimulatedHid } from './simulated-hid';
import type { SimulatedNetworkPrinter } from './simulated-network-printer';

/**
 * A Unix socket (owner-only) through which the CLI feeds the simulated devices. It exists
 * only with `--simulate` and is not reachable from a web page.
 */
/** A command line is short; a peer that sends more without a newline is cut off. */
const MAX_LINE_BYTES = 4096;

export async function startSimControl(stateDir: string, hid: SimulatedHid, printer: SimulatedNetworkPrinter, log: (line: string) => void = () => undefined): Promise<Server> {
  const path = simSocketPath(stateDir);
  await rm(path, { force: true });
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    let buffer = '';
    const onData = (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0 && buffer.length <= MAX_LINE_BYTES) return;
      socket.off('data', onData);
      const reply = end < 0 || end > MAX_LINE_BYTES ? Promise.resolve({ ok: false, message: 'command too long' }) : run(buffer.slice(0, end), hid, printer);
      void reply
        .catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }))
        .then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path, readableAll: false, writableAll: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`simulator control socket error: ${error.message}`));
  return server;
}

async function run(line: string, hid: SimulatedHid, printer: SimulatedNetworkPrinter): Promise<{ ok: boolean; message: string }> {
  let parsed: ReturnType<typeof SimCommand.safeParse>;
  try {
    parsed = SimCommand.safeParse(JSON.parse(line));
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
  const command = parsed.data;
  switch (command.cmd) {
    case 'scan':
      hid.send(SIM_SCANNER.path, keyboardReportsFor(command.data));
      return { ok: true, message: `scanned ${command.data}` };
    case 'swipe':
      hid.send(SIM_CARD_READER.path, keyboardReportsFor(command.typed));
      return { ok: true, message: 'card swiped' };
    case 'printer':
      if (command.power === 'off') await printer.switchOff();
      else await printer.switchOn();
      return { ok: true, message: `printer ${command.power}` };
    case 'busy':
      printer.setBusy(command.on);
      return { ok: true, message: command.on ? 'printer busy: it prints each job but holds on to it' : 'printer ready' };
    case 'paper':
      printer.state.paperOut = command.out;
      return { ok: true, message: command.out ? 'paper out' : 'paper loaded' };
  }
}

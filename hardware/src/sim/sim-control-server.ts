import { createServer, type Server } from 'node:net';
import { rm } from 'node:fs/promises';
import { SimCommand, simSocketPath } from './sim-commands';
import { keyboardReportsFor, SIM_CARD_READER, SIM_SCANNER, type SimulatedHid } from './simulated-hid';
import type { SimulatedNetworkPrinter } from './simulated-network-printer';

/**
 * A Unix socket (owner-only) through which the CLI feeds the simulated devices. It exists
 * only with `--simulate` and is not reachable from a web page.
 */
export async function startSimControl(stateDir: string, hid: SimulatedHid, printer: SimulatedNetworkPrinter): Promise<Server> {
  const path = simSocketPath(stateDir);
  await rm(path, { force: true });
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', async (chunk: string) => {
      buffer += chunk;
      if (!buffer.includes('\n')) return;
      const reply = await run(buffer.slice(0, buffer.indexOf('\n')), hid, printer);
      socket.end(`${JSON.stringify(reply)}\n`);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen({ path, readableAll: false, writableAll: false }, resolve));
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
    case 'paper':
      printer.state.paperOut = command.out;
      return { ok: true, message: command.out ? 'paper out' : 'paper loaded' };
  }
}

import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * A keyboard-wedge scanner read through hidraw still types into the browser. Grabbing its
 * evdev node (EVIOCGRAB) stops that. Node has no ioctl, so a tiny helper holds the grab for
 * as long as its stdin stays open: if the bridge dies, the grab goes with it.
 */
export interface InputGrabber {
  grab(hidrawPath: string): Promise<{ release(): void }>;
}

const EVIOCGRAB = 0x40044590;
const HELPER = [
  'import fcntl, os, sys',
  'fds = [os.open(p, os.O_RDONLY) for p in sys.argv[1:]]',
  `[fcntl.ioctl(fd, ${EVIOCGRAB}, 1) for fd in fds]`,
  'print("grabbed", flush=True)',
  'sys.stdin.read()',
].join('\n');

export function evdevGrabber(): InputGrabber {
  return {
    async grab(hidrawPath) {
      const nodes = await eventNodesFor(hidrawPath);
      if (nodes.length === 0) throw new Error(`no input node found for ${hidrawPath}`);
      const child = spawn('python3', ['-c', HELPER, ...nodes], { stdio: ['pipe', 'pipe', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.once('data', () => resolve());
        child.once('error', (error) => reject(new Error(`cannot start the grab helper (python3): ${error.message}`)));
        child.once('exit', (code) => reject(new Error(`cannot grab ${nodes.join(', ')} (exit ${code}): ${stderr.trim().split('\n').pop() ?? ''}`)));
      });
      return { release: () => void child.stdin.end() };
    },
  };
}

/** /dev/hidrawN → the /dev/input/eventM nodes of the same USB interface. */
async function eventNodesFor(hidrawPath: string): Promise<string[]> {
  const inputDir = `/sys/class/hidraw/${basename(hidrawPath)}/device/input`;
  const inputs = await readdir(inputDir).catch(() => [] as string[]);
  const nested = await Promise.all(inputs.map((i) => readdir(`${inputDir}/${i}`).catch(() => [] as string[])));
  return nested.flat().filter((n) => /^event\d+$/.test(n)).map((n) => `/dev/input/${n}`);
}

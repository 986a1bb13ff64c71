import { execFile } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/** One thing an install or uninstall does to the machine, in order. */
export type ServiceStep =
  | { kind: 'write'; path: string; contents: string; mode: number }
  | { kind: 'remove'; path: string }
  | { kind: 'run'; command: readonly string[] };

/** What carries the steps out: the real machine, or a recorder in tests. */
export interface ServiceHost {
  writeFile(path: string, contents: string, mode: number): Promise<void>;
  remove(path: string): Promise<void>;
  run(command: readonly string[]): Promise<void>;
}

/** The steps as a person reads them: each file in full, each command as typed in a shell. */
export function describeSteps(steps: readonly ServiceStep[]): string {
  return steps
    .map((step) => {
      if (step.kind === 'write') return `# write ${step.path} (mode ${step.mode.toString(8)})\n${step.contents}`;
      if (step.kind === 'remove') return `# remove ${step.path}`;
      return `$ ${step.command.map(shellWord).join(' ')}`;
    })
    .join('\n');
}

export async function applySteps(steps: readonly ServiceStep[], host: ServiceHost): Promise<void> {
  for (const step of steps) {
    if (step.kind === 'write') await host.writeFile(step.path, step.contents, step.mode);
    else if (step.kind === 'remove') await host.remove(step.path);
    else await host.run(step.command);
  }
}

const run = promisify(execFile);

/** This machine; a command that fails stops the install with its own words. */
export const machineHost: ServiceHost = {
  async writeFile(path, contents, mode) {
    await mkdir(dirname(path), { recursive: true, mode: 0o755 });
    await writeFile(path, contents, { mode });
    await chmod(path, mode);
  },
  remove: (path) => rm(path, { force: true }),
  async run(command) {
    const [file, ...args] = command;
    if (file === undefined) return;
    try {
      await run(file, args);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error instanceof Error ? error.message : String(error));
      throw new Error(`${command.join(' ')} failed: ${detail}`);
    }
  },
};

const shellWord = (word: string) => (/^[A-Za-z0-9/_.:,=@+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readLinuxFacts, linuxInstallProblems } from './linux-machine';
import { planLinuxInstall, planLinuxUninstall, UNINSTALL_NOTE } from './linux-service';
import { readBridgeConfig, type CheckedBridgeConfig } from './read-bridge-config';
import { applySteps, describeSteps, machineHost, type ServiceHost } from './service-plan';
import { SERVICE_NAME } from './systemd-unit';
import { parseTillOrigins } from './till-origin';
import { installWindowsService, uninstallWindowsService, windowsConfigPath, windowsDataDir, windowsServiceDefinition, type WindowsServiceDefinition } from './windows-service';

export const SERVICE_COMMANDS = ['install-service', 'uninstall-service'] as const;
type ServiceCommand = (typeof SERVICE_COMMANDS)[number];
export const isServiceCommand = (word: string | undefined): word is ServiceCommand => SERVICE_COMMANDS.some((command) => command === word);

export const SERVICE_USAGE = `  pnpm bridge install-service --origin https://pos.example.com [--origin …] [--config bridge.json] [--dry-run]
                                               as root: runs the bridge as a service for the till page from that origin
  pnpm bridge uninstall-service [--dry-run]    as root: stops and removes the service; its state and config stay`;

/** Everything the commands touch, so that tests can run them without a machine to change. */
export interface ServiceCliEnvironment {
  platform: NodeJS.Platform;
  /** The `@pos/hardware` folder. */
  packageDir: string;
  /** Where relative paths on the command line start (pnpm runs scripts in the package folder). */
  callerDir: string;
  out(text: string): void;
  err(text: string): void;
  host: ServiceHost;
  linuxFacts: typeof readLinuxFacts;
  linuxProblems: typeof linuxInstallProblems;
  windows: { install: typeof installWindowsService; uninstall: typeof uninstallWindowsService; dataDir: string; hasInstalledConfig(): Promise<boolean> };
}

export const machineEnvironment = (): ServiceCliEnvironment => ({
  platform: process.platform,
  packageDir: resolve(fileURLToPath(new URL('../..', import.meta.url))),
  callerDir: process.env.INIT_CWD ?? process.cwd(),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  host: machineHost,
  linuxFacts: readLinuxFacts,
  linuxProblems: linuxInstallProblems,
  windows: {
    install: installWindowsService,
    uninstall: uninstallWindowsService,
    dataDir: windowsDataDir(process.env),
    hasInstalledConfig: () => access(windowsConfigPath(windowsDataDir(process.env))).then(() => true, () => false),
  },
});

/** `install-service` / `uninstall-service`: the exit code; nothing is written unless every check passed. */
export async function runServiceCommand(args: readonly string[], env: ServiceCliEnvironment = machineEnvironment()): Promise<number> {
  let parsed: ReturnType<typeof parseServiceArgs>;
  try {
    parsed = parseServiceArgs(args);
  } catch (error) {
    env.err(`${error instanceof Error ? error.message : String(error)}\nusage:\n${SERVICE_USAGE}`);
    return 2;
  }
  if (env.platform !== 'linux' && env.platform !== 'win32') {
    env.err(`${parsed.command} supports Linux (systemd) and Windows, not ${env.platform}`);
    return 2;
  }
  try {
    return parsed.command === 'install-service' ? await install(parsed, env) : await uninstall(parsed.dryRun, env);
  } catch (error) {
    env.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function parseServiceArgs(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { origin: { type: 'string', multiple: true }, config: { type: 'string' }, 'dry-run': { type: 'boolean' }, print: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (!isServiceCommand(command) || rest.length > 0) throw new Error(`unexpected: ${positionals.join(' ')}`);
  if (command === 'uninstall-service' && (values.origin || values.config)) throw new Error('uninstall-service takes no --origin or --config');
  return { command, origins: values.origin ?? [], configPath: values.config ?? null, dryRun: values['dry-run'] === true || values.print === true };
}

async function install(request: ReturnType<typeof parseServiceArgs>, env: ServiceCliEnvironment): Promise<number> {
  const origins = parseTillOrigins(request.origins);
  if (!origins.ok) {
    env.err(`Nothing was installed. The till origin is not usable:\n${origins.problems.map((p) => `  ${p}`).join('\n')}`);
    return 2;
  }
  const config = request.configPath ? await readBridgeConfig(resolve(env.callerDir, request.configPath)) : null;
  if (env.platform === 'win32') return installOnWindows(origins.origins, config, request.dryRun, env);
  const facts = await env.linuxFacts(env.packageDir, { installedConfig: config === null });
  const problems = await env.linuxProblems(facts, { dryRun: request.dryRun });
  if (problems.length > 0) {
    env.err(`Nothing was installed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const steps = planLinuxInstall({ origins: origins.origins, config }, facts);
  if (request.dryRun) {
    env.out(describeSteps(steps));
    return 0;
  }
  await applySteps(steps, env.host);
  env.out(`Installed ${SERVICE_NAME}.service for ${origins.origins.join(', ')}: running now and at every boot.
  status:       systemctl status ${SERVICE_NAME}
  pairing code: journalctl -u ${SERVICE_NAME} -n 20 --no-pager`);
  return 0;
}

async function uninstall(dryRun: boolean, env: ServiceCliEnvironment): Promise<number> {
  if (env.platform === 'win32') {
    const definition = windowsDefinition(env, [], false);
    if (!dryRun) await env.windows.uninstall(definition);
    env.out(`${dryRun ? 'Would remove' : 'Removed'} the "${definition.service.name}" service. Kept: ${env.windows.dataDir} (config, state, logs).`);
    return 0;
  }
  const facts = await env.linuxFacts(env.packageDir, { installedConfig: false });
  const steps = planLinuxUninstall(facts.unitInstalled);
  if (dryRun) {
    env.out(describeSteps(steps));
    return 0;
  }
  await applySteps(steps, env.host);
  env.out(`Removed ${SERVICE_NAME}.service.\n${UNINSTALL_NOTE}`);
  return 0;
}

async function installOnWindows(origins: string[], config: CheckedBridgeConfig | null, dryRun: boolean, env: ServiceCliEnvironment): Promise<number> {
  const definition = windowsDefinition(env, origins, config !== null || (await env.windows.hasInstalledConfig()));
  if (dryRun) {
    env.out(JSON.stringify({ ...definition, configText: config?.text ?? null }, null, 2));
    return 0;
  }
  await env.windows.install(definition, config?.text ?? null);
  env.out(`Installed the "${definition.service.name}" service for ${origins.join(', ')}: running now and at every boot.
  pairing code and console: ${definition.service.logpath}`);
  return 0;
}

const windowsDefinition = (env: ServiceCliEnvironment, origins: readonly string[], withConfig: boolean): WindowsServiceDefinition =>
  windowsServiceDefinition({ packageDir: env.packageDir, dataDir: env.windows.dataDir, origins, withConfig });

import type { ServiceStep } from './service-plan';
import { SERVICE_GROUPS, SERVICE_NAME, systemdUnit } from './systemd-unit';
import { DEVICE_GROUP, udevRules, UDEV_RULES_PATH, type DeviceAccess } from './udev-rules';

export const UNIT_PATH = `/etc/systemd/system/${SERVICE_NAME}.service`;
export const INSTALLED_CONFIG_PATH = '/etc/pos-bridge/bridge.json';
export const STATE_PATH = `/var/lib/${SERVICE_NAME}`;

/** What an install is asked for, checked: the origins and, when given, the contents of a bridge.json. */
export interface InstallRequest {
  origins: readonly string[];
  config: { text: string; devices: DeviceAccess[] } | null;
}

/** What the machine already has, read before anything is written. */
export interface LinuxFacts {
  nodePath: string;
  packageDir: string;
  groups: ReadonlySet<string>;
  /** The devices of the bridge.json an earlier install left, or null when there is none. */
  installedConfig: { devices: DeviceAccess[] } | null;
}

const unit = `${SERVICE_NAME}.service`;

/**
 * Installing is idempotent: run again with other origins, it rewrites the unit and restarts the
 * bridge. A bridge.json given is copied to /etc/pos-bridge (the service cannot read home
 * folders); without one, the copy an earlier install left is kept in use.
 */
export function planLinuxInstall(request: InstallRequest, facts: LinuxFacts): ServiceStep[] {
  const config = request.config ?? facts.installedConfig;
  const groups = SERVICE_GROUPS.filter((group) => group === DEVICE_GROUP || facts.groups.has(group));
  const spec = { nodePath: facts.nodePath, packageDir: facts.packageDir, origins: request.origins, configPath: config ? INSTALLED_CONFIG_PATH : null };
  return [
    ...(facts.groups.has(DEVICE_GROUP) ? [] : [run('groupadd', '--system', DEVICE_GROUP)]),
    ...(request.config ? [write(INSTALLED_CONFIG_PATH, request.config.text)] : []),
    write(UNIT_PATH, systemdUnit(spec, groups)),
    write(UDEV_RULES_PATH, udevRules(config?.devices ?? [])),
    run('systemctl', 'daemon-reload'),
    run('udevadm', 'control', '--reload-rules'),
    run('udevadm', 'trigger', '--action=change', '--subsystem-match=hidraw', '--subsystem-match=usb'),
    run('systemctl', 'enable', unit),
    run('systemctl', 'restart', unit),
  ];
}

/** Stops and removes the service and its udev rules; bridge.json and the state folder (pairings, print jobs) stay. */
export function planLinuxUninstall(unitInstalled: boolean): ServiceStep[] {
  return [
    ...(unitInstalled ? [run('systemctl', 'disable', '--now', unit)] : []),
    { kind: 'remove', path: UNIT_PATH },
    { kind: 'remove', path: UDEV_RULES_PATH },
    run('systemctl', 'daemon-reload'),
    run('udevadm', 'control', '--reload-rules'),
  ];
}

export const UNINSTALL_NOTE = `Kept: ${INSTALLED_CONFIG_PATH} and the bridge's state in ${STATE_PATH} (paired tills, print jobs, audit log).
Installing again picks them up; to wipe them: rm -rf /etc/pos-bridge ${STATE_PATH} /var/lib/private/${SERVICE_NAME}`;

/** The groups on this machine, from /etc/group. */
export function groupNames(etcGroup: string): Set<string> {
  return new Set(etcGroup.split('\n').flatMap((line) => (line.includes(':') ? [line.slice(0, line.indexOf(':'))] : [])));
}

const write = (path: string, contents: string): ServiceStep => ({ kind: 'write', path, contents, mode: 0o644 });
const run = (...command: string[]): ServiceStep => ({ kind: 'run', command });

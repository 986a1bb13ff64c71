import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERVICE_NAME = 'pos-bridge';

/**
 * The groups the service runs with, for the device nodes it opens: `plugdev` is given the
 * hidraw and USB nodes of the configured devices by the bridge's udev rules, `dialout` owns
 * serial ports, `input` the evdev nodes a keyboard-wedge scanner is grabbed through.
 */
export const SERVICE_GROUPS = ['plugdev', 'dialout', 'input'] as const;

export interface SystemdUnitSpec {
  /** The node binary, installed where every user can run it. */
  nodePath: string;
  /** The `@pos/hardware` folder: the service runs in it, so that `--import tsx` finds its tsx. */
  packageDir: string;
  /** Normalised till origins (see `till-origin.ts`). */
  origins: readonly string[];
  /** The installed bridge.json, or null for the built-in defaults. */
  configPath: string | null;
}

/** Characters systemd takes as they are inside an unquoted ExecStart word. */
const PLAIN_WORD = /^[A-Za-z0-9/_.:,=@+-]+$/;

/**
 * One ExecStart argument, written so that systemd reads back exactly `text`: `%` and `$` are
 * doubled (no specifier or variable is expanded), anything else unusual is double-quoted. The
 * program itself (`program: true`) has no variables expanded, so its `$` stays single.
 */
export function systemdWord(text: string, options: { program?: boolean } = {}): string {
  const percent = text.replaceAll('%', '%%');
  const literal = options.program ? percent : percent.replaceAll('$', '$$$$');
  return PLAIN_WORD.test(text) ? literal : `"${literal.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A path or URL in a unit setting other than a command line: only specifiers (`%`) are expanded there. */
export const systemdPath = (text: string) => text.replaceAll('%', '%%');

/** The bridge's command line: the state folder is the one systemd made, `${STATE_DIRECTORY}`. */
export function execStart(spec: SystemdUnitSpec): string {
  const config = spec.configPath ? ['--config', spec.configPath] : [];
  const args = ['--import', 'tsx', join(spec.packageDir, 'src', 'main.ts'), ...config, '--origins', spec.origins.join(',')];
  return [systemdWord(spec.nodePath, { program: true }), ...args.map((arg) => systemdWord(arg)), '--state-dir', '${STATE_DIRECTORY}'].join(' ');
}

/**
 * The systemd unit: started at boot, restarted whatever ended it, as a user made up for the
 * service (`DynamicUser`) that owns nothing but its state folder, confined wherever that
 * leaves the printer, scanner and card reader reachable.
 */
export function systemdUnit(spec: SystemdUnitSpec, groups: readonly string[]): string {
  const docs = pathToFileURL(join(spec.packageDir, '..', 'docs', 'deploy-bridge.md')).href;
  return `# Written by "pnpm bridge install-service"; run it again to change the origins, "pnpm bridge uninstall-service" to remove.
[Unit]
Description=POS hardware bridge (receipt printer, cash drawer, scanner, card reader)
Documentation=${systemdPath(docs)}
After=network.target
# Never give up: a till without its bridge prints nothing. RestartSec= paces the retries.
StartLimitIntervalSec=0

[Service]
Type=exec
ExecStart=${execStart(spec)}
WorkingDirectory=${systemdPath(spec.packageDir)}
SyslogIdentifier=${SERVICE_NAME}
Restart=always
RestartSec=3s
TimeoutStopSec=15s

# Pairings and the print journal live in /var/lib/${SERVICE_NAME}; the console (pairing codes) goes to the journal.
DynamicUser=yes
StateDirectory=${SERVICE_NAME}
StateDirectoryMode=0700
UMask=0077
${groups.length > 0 ? `SupplementaryGroups=${groups.join(' ')}` : '# No device groups on this machine: only network printers will work.'}

# Relaxed on purpose: PrivateDevices= and DevicePolicy= would hide the hot-plugged hidraw, USB,
# serial and input nodes (access to them is by group, above, and udev rules); PrivateNetwork= and
# IPAddressDeny= would cut off network printers; MemoryDenyWriteExecute= breaks V8's JIT.
NoNewPrivileges=yes
CapabilityBoundingSet=
ProtectSystem=strict
ProtectHome=read-only
PrivateTmp=yes
ProtectProc=invisible
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RestrictNamespaces=yes
LockPersonality=yes
RemoveIPC=yes
# Netlink: libusb and node-hid hear devices come and go through udev.
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallErrorNumber=EPERM

[Install]
WantedBy=multi-user.target
`;
}

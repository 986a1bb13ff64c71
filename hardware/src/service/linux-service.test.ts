import { describe, expect, it } from 'vitest';
import { groupNames, INSTALLED_CONFIG_PATH, planLinuxInstall, planLinuxUninstall, UNIT_PATH, type LinuxFacts } from './linux-service';
import type { ServiceStep } from './service-plan';
import { UDEV_RULES_PATH } from './udev-rules';

const facts: LinuxFacts = { nodePath: '/usr/bin/node', packageDir: '/opt/pos/hardware', groups: new Set(['plugdev', 'dialout', 'input']), installedConfig: null };
const scanner = { subsystem: 'hidraw' as const, vendorId: 0x0c2e, productId: 0x0b61, what: 'scanner' };

const written = (steps: readonly ServiceStep[], path: string) => {
  const step = steps.find((s) => s.kind === 'write' && s.path === path);
  return step?.kind === 'write' ? step.contents : null;
};
const summary = (steps: readonly ServiceStep[]) => steps.map((s) => (s.kind === 'run' ? s.command.join(' ') : `${s.kind} ${s.path}`));

describe('planLinuxInstall', () => {
  it('writes the unit and udev rules, then reloads, enables and (re)starts the service', () => {
    const steps = planLinuxInstall({ origins: ['https://pos.example.com'], config: null }, facts);
    expect(summary(steps)).toEqual([
      `write ${UNIT_PATH}`,
      `write ${UDEV_RULES_PATH}`,
      'systemctl daemon-reload',
      'udevadm control --reload-rules',
      'udevadm trigger --action=change --subsystem-match=hidraw --subsystem-match=usb',
      'systemctl enable pos-bridge.service',
      'systemctl restart pos-bridge.service',
    ]);
    expect(written(steps, UNIT_PATH)).toContain('--origins https://pos.example.com --state-dir ${STATE_DIRECTORY}');
    expect(written(steps, UNIT_PATH)).not.toContain('--config');
  });

  it('makes the plugdev group the udev rules name when the machine has none, and leaves out other missing groups', () => {
    const steps = planLinuxInstall({ origins: ['https://pos.example.com'], config: null }, { ...facts, groups: new Set(['dialout']) });
    expect(summary(steps)[0]).toBe('groupadd --system plugdev');
    expect(written(steps, UNIT_PATH)).toContain('SupplementaryGroups=plugdev dialout\n');
  });

  it('copies a bridge.json given to /etc/pos-bridge and allows the devices it names', () => {
    const steps = planLinuxInstall({ origins: ['https://pos.example.com'], config: { text: '{"printers":[]}', devices: [scanner] } }, facts);
    expect(written(steps, INSTALLED_CONFIG_PATH)).toBe('{"printers":[]}');
    expect(written(steps, UNIT_PATH)).toContain(`--config ${INSTALLED_CONFIG_PATH} --origins`);
    expect(written(steps, UDEV_RULES_PATH)).toContain('ATTRS{idVendor}=="0c2e"');
  });

  it('keeps using the bridge.json an earlier install left when none is given', () => {
    const steps = planLinuxInstall({ origins: ['https://pos.example.com'], config: null }, { ...facts, installedConfig: { devices: [scanner] } });
    expect(written(steps, INSTALLED_CONFIG_PATH)).toBeNull();
    expect(written(steps, UNIT_PATH)).toContain(`--config ${INSTALLED_CONFIG_PATH}`);
    expect(written(steps, UDEV_RULES_PATH)).toContain('ATTRS{idProduct}=="0b61"');
  });
});

describe('planLinuxUninstall', () => {
  it('stops and disables an installed service before removing its files', () => {
    expect(summary(planLinuxUninstall(true))).toEqual([
      'systemctl disable --now pos-bridge.service',
      `remove ${UNIT_PATH}`,
      `remove ${UDEV_RULES_PATH}`,
      'systemctl daemon-reload',
      'udevadm control --reload-rules',
    ]);
    expect(summary(planLinuxUninstall(false))[0]).toBe(`remove ${UNIT_PATH}`);
  });
});

describe('groupNames', () => {
  it('reads the group names of /etc/group', () => {
    expect(groupNames('root:x:0:\nplugdev:x:46:alice,bob\n\n')).toEqual(new Set(['root', 'plugdev']));
  });
});

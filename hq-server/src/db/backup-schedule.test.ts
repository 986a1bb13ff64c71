import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackupSchedule, type BackupScheduleOptions } from './backup-schedule';

const HOUR = 3_600_000;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pos-backup-schedule-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A schedule on a clock and a timer the test moves by hand. */
function scheduled(options: Partial<BackupScheduleOptions> = {}) {
  let now = Date.parse('2026-11-22T04:00:00Z');
  const timer = { everyMs: 0, tick: () => {}, stopped: false };
  const said: string[] = [];
  const backUp = vi.fn((file: string) => writeFile(file, 'backup'));
  const schedule = startBackupSchedule({
    dir: join(dir, 'backups'), everyMs: 6 * HOUR, keep: 3, clock: () => new Date(now), backUp, log: (line) => said.push(line),
    repeat: (run, ms) => {
      Object.assign(timer, { everyMs: ms, tick: run });
      return () => (timer.stopped = true);
    },
    ...options,
  });
  const tick = async () => {
    const before = said.length;
    timer.tick();
    await vi.waitFor(() => expect(said.length).toBeGreaterThan(before));
    now += 6 * HOUR;
  };
  return { schedule, timer, said, backUp, tick };
}

describe('scheduled backups', () => {
  it('writes a backup named by the clock at every tick and keeps only the newest few', async () => {
    const { timer, tick, said } = scheduled();
    expect(timer.everyMs).toBe(6 * HOUR);
    await writeFile(join(dir, 'notes.txt'), 'not a backup');
    for (let i = 0; i < 5; i++) await tick();
    expect((await readdir(join(dir, 'backups'))).sort()).toEqual([
      'hq-20261122-160000.pos-backup.gz', 'hq-20261122-220000.pos-backup.gz', 'hq-20261123-040000.pos-backup.gz',
    ]);
    expect(await readdir(dir)).toContain('notes.txt');
    expect(said.at(-1)).toMatch(/backup written to .*hq-20261123-040000\.pos-backup\.gz; 1 older removed/);
  });

  it('never starts a second backup while one is still running', async () => {
    let finish = () => {};
    const backUp = vi.fn((file: string) => new Promise<void>((resolve) => (finish = resolve)).then(() => writeFile(file, 'backup')));
    const { schedule, timer, said } = scheduled({ backUp });
    const first = schedule.runOnce();
    await vi.waitFor(() => expect(backUp).toHaveBeenCalledTimes(1));
    timer.tick();
    expect(said).toEqual(['[hq] backup: the previous backup is still running; skipping this one']);
    finish();
    await first;
    expect(backUp).toHaveBeenCalledTimes(1);
  });

  it('logs a failed backup and tries again at the next tick', async () => {
    const backUp = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockImplementation((file: string) => writeFile(file, 'backup'));
    const { tick, said, schedule, timer } = scheduled({ backUp });
    await tick();
    expect(said.at(-1)).toBe('[hq] backup FAILED (will try again at the next one): disk full');
    await tick();
    expect(said.at(-1)).toMatch(/backup written to/);
    schedule.stop();
    expect(timer.stopped).toBe(true);
  });
});

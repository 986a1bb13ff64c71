import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileAuditLog } from './audit-log';

let folder: string | null = null;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const job = (n: number) => ({ action: 'job' as const, printerId: 'receipt', jobId: `job-${n}`, documentId: `doc-${n}`, state: 'printed' });

describe('fileAuditLog', () => {
  it('writes one JSON line per entry and echoes it to the console', async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-audit-'));
    const echoed: string[] = [];
    const audit = fileAuditLog(join(folder, 'state', 'audit.log'), (line) => echoed.push(line));
    audit.record(job(1));
    audit.record({ action: 'pair', tillId: 't1', name: 'Till 1' });
    await audit.close();
    const lines = (await readFile(join(folder, 'state', 'audit.log'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toMatchObject([job(1), { action: 'pair', tillId: 't1' }]);
    expect(echoed).toEqual(lines);
  });

  it('rolls the file over by size and keeps only so many old ones', async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-audit-'));
    const file = join(folder, 'audit.log');
    const audit = fileAuditLog(file, () => undefined, { size: '1K', keep: 2 });
    for (let n = 0; n < 60; n += 1) audit.record(job(n));
    await audit.close();
    expect((await readdir(folder)).sort()).toEqual(['audit.log', 'audit.log.1', 'audit.log.2']);
    const newest = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(newest.at(-1)!)).toMatchObject(job(59));
  });
});

import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '@pos/shared/bridge/index';
import { openPrintJournal } from './print-journal';

const job = (n: number, state: JobStatus['state'] = 'queued'): JobStatus => ({
  jobId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, printerId: 'receipt', documentId: `doc-${n}`, state, attempts: state === 'queued' ? 0 : 1, error: null,
});
const bytes = (n: number) => Buffer.from([0x1b, 0x40, n]).toString('base64');

describe('print journal', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-print-journal-'));
    file = join(folder, 'print-jobs', 'receipt.jsonl');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('brings back waiting jobs in order with their bytes, and finished ones by state only', async () => {
    const first = await openPrintJournal(file);
    for (const n of [1, 2, 3]) await first.append({ op: 'queued', job: job(n), bytes: bytes(n) });
    await first.append({ op: 'state', job: job(1, 'printing') });
    await first.append({ op: 'state', job: job(1, 'printed') });
    await first.append({ op: 'state', job: job(2, 'waiting') });
    await first.close();

    const second = await openPrintJournal(file);
    await second.close();
    const { restored } = second;
    expect(restored.pending.map((p) => [p.status.jobId, [...p.bytes]])).toEqual([[job(2).jobId, [0x1b, 0x40, 2]], [job(3).jobId, [0x1b, 0x40, 3]]]);
    expect(restored.jobs.map((j) => j.state)).toEqual(['printed', 'waiting', 'queued']);
    expect(await readFile(file, 'utf8')).not.toContain(bytes(1));
  });

  it('never sends again a job the bridge was sending when it stopped: it comes back failed', async () => {
    const first = await openPrintJournal(file);
    await first.append({ op: 'queued', job: job(1), bytes: bytes(1) });
    await first.append({ op: 'state', job: job(1, 'printing') });
    await first.close();

    const second = await openPrintJournal(file);
    await second.close();
    const { restored } = second;
    expect(restored.pending).toEqual([]);
    expect(restored.jobs).toEqual([expect.objectContaining({ jobId: job(1).jobId, state: 'failed', error: expect.stringContaining('may be incomplete') })]);
  });

  it('ignores a last line cut short by a crash during its write', async () => {
    const first = await openPrintJournal(file);
    await first.append({ op: 'queued', job: job(1), bytes: bytes(1) });
    await first.close();
    await appendFile(file, `{"op":"queued","job":{"jobId":"${job(2).jobId}","printerId":"rec`);

    const second = await openPrintJournal(file);
    expect(second.restored.pending.map((p) => p.status.jobId)).toEqual([job(1).jobId]);
    await second.append({ op: 'queued', job: job(3), bytes: bytes(3) });
    await second.close();
    const third = await openPrintJournal(file);
    expect(third.restored.pending.map((p) => p.status.jobId)).toEqual([job(1).jobId, job(3).jobId]);
    await third.close();
  });
});

import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '@pos/shared/bridge/index';
import { markedResend, openPrintJournal, type PrintContent } from './print-journal';

const job = (n: number, state: JobStatus['state'] = 'queued', more: Partial<JobStatus> = {}): JobStatus => ({
  jobId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, printerId: 'receipt', documentId: `doc-${n}`, state, attempts: state === 'queued' ? 0 : 1, error: null, ...more,
});
const content = (n: number, openDrawer = false): PrintContent => ({ model: { documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] }, openDrawer });
const firstText = (restored: { content: unknown }) => (restored.content as PrintContent).model.blocks[0];

describe('print journal', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-print-journal-'));
    file = join(folder, 'print-jobs', 'receipt.jsonl');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('brings back waiting jobs in order with their receipts, and finished ones by state only', async () => {
    const first = await openPrintJournal(file);
    for (const n of [1, 2, 3]) await first.append({ op: 'queued', job: job(n), content: content(n, n === 3) });
    await first.append({ op: 'state', job: job(1, 'printing') });
    await first.append({ op: 'state', job: job(1, 'printed') });
    await first.append({ op: 'state', job: job(2, 'waiting') });
    await first.close();

    const second = await openPrintJournal(file);
    await second.close();
    const { restored } = second;
    expect(restored.pending.map((p) => [p.status.jobId, p.status.state, p.content])).toEqual([[job(2).jobId, 'waiting', content(2)], [job(3).jobId, 'queued', content(3, true)]]);
    expect(restored.jobs.map((j) => j.state)).toEqual(['printed', 'waiting', 'queued']);
    expect(await readFile(file, 'utf8')).not.toContain('JOB 1');
  });

  it('sends a job cut off while printing once more, marked as a reprint, and keeps that mark on disk', async () => {
    const first = await openPrintJournal(file);
    await first.append({ op: 'queued', job: job(1), content: content(1, true) });
    await first.append({ op: 'queued', job: job(2), content: content(2) });
    await first.append({ op: 'state', job: job(1, 'printing') });
    await first.close();

    const second = await openPrintJournal(file);
    await second.close();
    expect(second.restored.pending.map((p) => [p.status.jobId, p.status.state, p.status.reprint, firstText(p)])).toEqual([
      [job(1).jobId, 'queued', true, { kind: 'text', text: 'JOB 1' }],
      [job(2).jobId, 'queued', undefined, { kind: 'text', text: 'JOB 2' }],
    ]);
    const third = await openPrintJournal(file);
    await third.close();
    expect(third.restored.pending[0]!.status).toMatchObject({ jobId: job(1).jobId, reprint: true });
  });

  it('never sends a reprint a third time: cut off again, it comes back failed', async () => {
    const first = await openPrintJournal(file);
    await first.append({ op: 'queued', job: job(1), content: content(1) });
    await first.append({ op: 'state', job: job(1, 'printing') });
    await first.close();
    const second = await openPrintJournal(file);
    await second.append({ op: 'state', job: job(1, 'printing', { reprint: true, attempts: 2 }) });
    await second.close();

    const third = await openPrintJournal(file);
    await third.close();
    expect(third.restored.pending).toEqual([]);
    expect(third.restored.jobs).toEqual([expect.objectContaining({ jobId: job(1).jobId, state: 'failed', reprint: true, error: expect.stringContaining('may be incomplete') })]);
  });

  it('prints a job journalled as bytes alone as it is, and fails it rather than send it again unmarked', async () => {
    const bytes = (n: number) => Buffer.from([0x1b, 0x40, n]).toString('base64');
    // The folder is made by a first open, as the bridge did before jobs kept their receipts.
    await openPrintJournal(file).then((journal) => journal.close());
    await writeFile(
      file,
      [
        { op: 'queued', job: job(1), bytes: bytes(1) },
        { op: 'queued', job: job(2), bytes: bytes(2) },
        { op: 'state', job: job(1, 'printing') },
      ].map((entry) => `${JSON.stringify(entry)}\n`).join(''),
    );

    const reopened = await openPrintJournal(file);
    await reopened.close();
    expect(reopened.restored.pending.map((p) => [p.status.jobId, p.content])).toEqual([[job(2).jobId, { bytes: new Uint8Array([0x1b, 0x40, 2]) }]]);
    expect(reopened.restored.jobs[0]).toMatchObject({ jobId: job(1).jobId, state: 'failed' });
  });

  it('ignores a last line cut short by a crash during its write', async () => {
    const first = await openPrintJournal(file);
    await first.append({ op: 'queued', job: job(1), content: content(1) });
    await first.close();
    await appendFile(file, `{"op":"queued","job":{"jobId":"${job(2).jobId}","printerId":"rec`);

    const second = await openPrintJournal(file);
    expect(second.restored.pending.map((p) => p.status.jobId)).toEqual([job(1).jobId]);
    await second.append({ op: 'queued', job: job(3), content: content(3) });
    await second.close();
    const third = await openPrintJournal(file);
    expect(third.restored.pending.map((p) => p.status.jobId)).toEqual([job(1).jobId, job(3).jobId]);
    await third.close();
  });
});

describe('whether a job the printer may have taken in part is sent again', () => {
  it('sends a receipt once more as a reprint, but not a reprint, nor bytes it cannot mark', () => {
    expect(markedResend(job(1, 'printing'), content(1))).toMatchObject({ state: 'queued', reprint: true });
    expect(markedResend(job(1, 'printing', { reprint: true }), content(1))).toBeNull();
    expect(markedResend(job(1, 'printing'), { bytes: new Uint8Array([1]) })).toBeNull();
    expect(markedResend(job(1, 'printing'), undefined)).toBeNull();
  });
});

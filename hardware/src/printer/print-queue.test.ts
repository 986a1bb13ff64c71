import { describe, expect, it } from 'vitest';
import type { JobStatus } from '@pos/shared/bridge/index';
import type { JournalEntry, PrintContent, PrintJournal } from './print-journal';
import { createPrintQueue } from './print-queue';
import { TransportError, type PrinterTransport } from './transports/printer-transport';

const jobId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const content = (n: number, openDrawer = false): PrintContent => ({ model: { documentId: `doc-${n}`, currencyExponent: 2, blocks: [{ kind: 'text', text: `JOB ${n}` }] }, openDrawer });

/** A journal in memory: what the queue wrote, in order. */
function memoryJournal(): PrintJournal & { entries: JournalEntry[] } {
  const entries: JournalEntry[] = [];
  return { entries, restored: { jobs: [], pending: [] }, append: async (entry) => void entries.push(entry), close: async () => undefined };
}

/** A printer link that breaks after taking part of a job, as often as told, then takes every job whole. */
function breakingLink(breaks: number): PrinterTransport & { sent: string[] } {
  const sent: string[] = [];
  let left = breaks;
  return {
    kind: 'simulated', description: 'test link', sent,
    write: async (bytes) => {
      sent.push(new TextDecoder().decode(bytes));
      if (left-- > 0) throw new TransportError('printer connection broke: reset', true);
    },
    status: async () => ({ connected: true, paperOut: false, coverOpen: false }),
    close: async () => undefined,
  };
}

/** Encodes a receipt as its text, with the marks the real encoder would add. */
const encode = ({ model, openDrawer }: PrintContent, reprint: boolean) =>
  new TextEncoder().encode(`${reprint ? 'REPRINT ' : ''}${openDrawer && !reprint ? 'DRAWER ' : ''}${model.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('')}`);

async function settled(states: JobStatus[], id: string): Promise<JobStatus> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const last = states.findLast((s) => s.jobId === id);
    if (last && (last.state === 'printed' || last.state === 'failed')) return last;
    if (Date.now() > deadline) throw new Error(`job ${id} never finished`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function queueOver(transport: PrinterTransport, journal = memoryJournal()) {
  const states: JobStatus[] = [];
  const queue = createPrintQueue({ printerId: 'receipt', transport, journal, encode, retryMs: 1, onChange: (job) => states.push(job), onError: (error) => { throw error; }, lastStatus: () => null });
  return { queue, states, journal };
}

describe('a job the printer may have taken in part', () => {
  it('is sent once more marked as a reprint and without kicking the drawer, then counts as printed', async () => {
    const link = breakingLink(1);
    const { queue, states, journal } = queueOver(link);
    await queue.enqueue({ jobId: jobId(1), documentId: 'doc-1', content: content(1, true) });
    expect(await settled(states, jobId(1))).toMatchObject({ state: 'printed', reprint: true, attempts: 2 });
    expect(link.sent).toEqual(['DRAWER JOB 1', 'REPRINT JOB 1']);
    // The mark is on disk before the second send, so a restart in between sends the reprint, not the original.
    const marked = journal.entries.findIndex((e) => e.op === 'state' && e.job.reprint === true);
    const secondSend = journal.entries.findLastIndex((e) => e.op === 'state' && e.job.state === 'printing');
    expect(marked).toBeGreaterThan(-1);
    expect(marked).toBeLessThan(secondSend);
  });

  it('fails when the reprint is cut off too, and the next job prints once', async () => {
    const link = breakingLink(2);
    const { queue, states } = queueOver(link);
    await queue.enqueue({ jobId: jobId(1), documentId: 'doc-1', content: content(1) });
    await queue.enqueue({ jobId: jobId(2), documentId: 'doc-2', content: content(2) });
    expect(await settled(states, jobId(1))).toMatchObject({ state: 'failed', reprint: true });
    expect(await settled(states, jobId(2))).toMatchObject({ state: 'printed' });
    expect(link.sent).toEqual(['JOB 1', 'REPRINT JOB 1', 'JOB 2']);
  });

  it('prints a job sent again by the till once, whatever its state', async () => {
    const link = breakingLink(0);
    const { queue, states } = queueOver(link);
    await queue.enqueue({ jobId: jobId(1), documentId: 'doc-1', content: content(1) });
    await settled(states, jobId(1));
    expect(await queue.enqueue({ jobId: jobId(1), documentId: 'doc-1', content: content(1) })).toMatchObject({ state: 'printed' });
    expect(link.sent).toEqual(['JOB 1']);
  });
});

import type { Sale } from '@pos/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coalescingWriter } from './coalesced-sale-writes';
import type { SaleToWrite } from './write-sales';

const CHAIN = 'chain-a';
const OTHER_CHAIN = 'chain-b';

const batchOf = (...ids: string[]): SaleToWrite[] => ids.map((id) => ({ sale: { id } as Sale, businessDate: '2026-12-05' }));

/** A stand-in statement writer: each call waits until the test settles it, and sales already written are not new again. */
function fakeStatements() {
  const held = new Set<string>();
  const calls: { chainId: string; ids: string[]; commit(): void; fail(error: unknown): void }[] = [];
  const write = (chainId: string, batch: SaleToWrite[]) => new Promise<Set<string>>((resolve, reject) => {
    const ids = batch.map(({ sale }) => sale.id);
    calls.push({
      chainId, ids,
      commit: () => {
        if (new Set(ids).size !== ids.length) return reject(new Error('a sale twice in one statement'));
        const fresh = ids.filter((id) => !held.has(id));
        fresh.forEach((id) => held.add(id));
        resolve(new Set(fresh));
      },
      fail: reject,
    });
  });
  return { write, calls, held };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('coalescingWriter', () => {
  it('writes a push at once while a statement slot is free, and joins the pushes that come meanwhile into one statement', async () => {
    const db = fakeStatements();
    const write = coalescingWriter(db.write, { statementsAtOnce: 2, salesPerStatement: 200, lingerMs: 0 });
    const first = write(CHAIN, batchOf('s1'));
    const second = write(CHAIN, batchOf('s2'));
    const waiting = [write(CHAIN, batchOf('s3', 's4')), write(CHAIN, batchOf('s5')), write(CHAIN, batchOf('s6'))];
    expect(db.calls.map((c) => c.ids)).toEqual([['s1'], ['s2']]);

    db.calls[0]!.commit();
    await settle();
    expect(db.calls.map((c) => c.ids)).toEqual([['s1'], ['s2'], ['s3', 's4', 's5', 's6']]);
    expect([...await first]).toEqual(['s1']);

    db.calls[2]!.commit();
    db.calls[1]!.commit();
    expect((await Promise.all(waiting)).map((ids) => [...ids])).toEqual([['s3', 's4'], ['s5'], ['s6']]);
    expect([...await second]).toEqual(['s2']);
    expect(db.held.size).toBe(6);
  });

  it('keeps chains apart, bounds a statement, and leaves a sale another push of the group carries for the next statement', async () => {
    const db = fakeStatements();
    const write = coalescingWriter(db.write, { statementsAtOnce: 1, salesPerStatement: 3, lingerMs: 0 });
    const pushes = [
      write(CHAIN, batchOf('s1')),
      write(CHAIN, batchOf('s2', 's3')),
      write(OTHER_CHAIN, batchOf('t1')),
      write(CHAIN, batchOf('s3')),
      write(CHAIN, batchOf('s4', 's5')),
      write(CHAIN, batchOf('s6')),
    ];
    db.calls[0]!.commit();
    await settle();
    // s2, s3 and s6: the other chain's push waits for its own statement, s3 again for a later one, s4 and s5 would pass 3 sales.
    expect(db.calls[1]!.ids).toEqual(['s2', 's3', 's6']);
    db.calls[1]!.commit();
    await settle();
    expect(db.calls[2]).toMatchObject({ chainId: OTHER_CHAIN, ids: ['t1'] });
    db.calls[2]!.commit();
    await settle();
    expect(db.calls[3]!.ids).toEqual(['s3', 's4', 's5']);
    db.calls[3]!.commit();
    const answers = (await Promise.all(pushes)).map((ids) => [...ids]);
    // The resent s3 was written by the statement before: it is not new to the push that carried it again.
    expect(answers).toEqual([['s1'], ['s2', 's3'], ['t1'], [], ['s4', 's5'], ['s6']]);
    expect(db.calls).toHaveLength(4);
  });

  it('runs a failed joined statement again push by push, so only the push that fails alone gets the error', async () => {
    const db = fakeStatements();
    const write = coalescingWriter(db.write, { statementsAtOnce: 1, salesPerStatement: 200, lingerMs: 0 });
    const first = write(CHAIN, batchOf('s1'));
    const joined = Promise.allSettled([write(CHAIN, batchOf('s2')), write(CHAIN, batchOf('bad')), write(CHAIN, batchOf('s3'))]);
    db.calls[0]!.commit();
    await settle();
    expect(db.calls[1]!.ids).toEqual(['s2', 'bad', 's3']);
    db.calls[1]!.fail(new Error('violates a constraint'));
    await settle();
    expect(db.calls[2]!.ids).toEqual(['s2']);
    db.calls[2]!.commit();
    await settle();
    const refused = new Error('the bad document alone');
    db.calls[3]!.fail(refused);
    await settle();
    db.calls[4]!.commit();
    expect((await joined).map((o) => (o.status === 'fulfilled' ? [...o.value] : o.reason))).toEqual([['s2'], refused, ['s3']]);
    expect([...await first]).toEqual(['s1']);
    expect([...db.held].sort()).toEqual(['s1', 's2', 's3']);

    // The queue goes on after a failure: the next push is written at once.
    const after = write(CHAIN, batchOf('s4'));
    expect(db.calls[5]!.ids).toEqual(['s4']);
    db.calls[5]!.commit();
    expect([...await after]).toEqual(['s4']);
  });

  describe('waiting for a running statement', () => {
    afterEach(() => vi.useRealTimers());

    it('writes a push at once when no statement runs, and holds one that comes while one runs until it ends, the wait is over or the statement is full', async () => {
      vi.useFakeTimers();
      const db = fakeStatements();
      const write = coalescingWriter(db.write, { statementsAtOnce: 2, salesPerStatement: 4, lingerMs: 20 });

      const quiet = write(CHAIN, batchOf('s1'));
      expect(db.calls.map((c) => c.ids)).toEqual([['s1']]);
      const close = [write(CHAIN, batchOf('s2')), write(CHAIN, batchOf('s3'))];
      await vi.advanceTimersByTimeAsync(19);
      expect(db.calls).toHaveLength(1);
      // The wait is over: the free slot takes both.
      await vi.advanceTimersByTimeAsync(1);
      expect(db.calls.map((c) => c.ids)).toEqual([['s1'], ['s2', 's3']]);

      // Both slots busy: a burst that fills a statement goes the moment one ends.
      const burst = [write(CHAIN, batchOf('s4', 's5')), write(CHAIN, batchOf('s6', 's7'))];
      expect(db.calls).toHaveLength(2);
      db.calls[0]!.commit();
      await vi.advanceTimersByTimeAsync(0);
      expect(db.calls.map((c) => c.ids)).toEqual([['s1'], ['s2', 's3'], ['s4', 's5', 's6', 's7']]);
      db.calls[1]!.commit();
      db.calls[2]!.commit();
      await vi.advanceTimersByTimeAsync(0);

      // Nothing runs: at once again; one coming behind it goes as soon as it ends, before the wait is over.
      const alone = write(CHAIN, batchOf('s8'));
      expect(db.calls.at(-1)!.ids).toEqual(['s8']);
      const behind = write(CHAIN, batchOf('s9'));
      expect(db.calls.at(-1)!.ids).toEqual(['s8']);
      db.calls.at(-1)!.commit();
      await vi.advanceTimersByTimeAsync(0);
      expect(db.calls.at(-1)!.ids).toEqual(['s9']);
      db.calls.at(-1)!.commit();
      expect((await Promise.all([quiet, ...close, ...burst, alone, behind])).map((ids) => [...ids])).toEqual([['s1'], ['s2'], ['s3'], ['s4', 's5'], ['s6', 's7'], ['s8'], ['s9']]);
      expect(db.calls).toHaveLength(5);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createExclusiveLock } from './exclusive-lock';

describe('createExclusiveLock', () => {
  it('refuses a second task while the first runs, and frees the lock afterwards', async () => {
    const run = createExclusiveLock('test');
    let release: () => void = () => undefined;
    const first = run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(await run(async () => 'second')).toBeNull();
    release();
    expect(await first).toBe('first');
    expect(await run(async () => 'third')).toBe('third');
  });

  it('frees the lock when the task throws', async () => {
    const run = createExclusiveLock('test-throw');
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await run(async () => 'after')).toBe('after');
  });
});

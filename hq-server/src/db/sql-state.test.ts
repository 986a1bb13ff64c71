import { describe, expect, it } from 'vitest';
import { isDataError, retryTransient, sqlStateOf } from './sql-state';

const driverError = (code: string) => Object.assign(new Error('driver'), { code });
const wrapped = (code: string) => new Error('Failed query: insert …', { cause: driverError(code) });

describe('sqlStateOf', () => {
  it('finds the SQLSTATE on the cause drizzle wraps the driver error in', () => {
    expect(sqlStateOf(wrapped('23505'))).toBe('23505');
    expect(sqlStateOf(new Error('outer', { cause: wrapped('22P05') }))).toBe('22P05');
    expect(sqlStateOf(new Error('plain'))).toBeNull();
    expect(isDataError(wrapped('23505'))).toBe(true);
    expect(isDataError(wrapped('P0001'))).toBe(false);
  });
});

describe('retryTransient', () => {
  it('runs again after a deadlock and gives the answer of the run that succeeds', async () => {
    let runs = 0;
    const answer = await retryTransient(async () => {
      runs++;
      if (runs < 3) throw wrapped(runs === 1 ? '40P01' : '40001');
      return 'done';
    }, 4, 1);
    expect({ answer, runs }).toEqual({ answer: 'done', runs: 3 });
  });

  it('never runs again for other errors, and gives up after its attempts', async () => {
    let runs = 0;
    await expect(retryTransient(async () => { runs++; throw wrapped('23505'); }, 4, 1)).rejects.toThrow('Failed query');
    expect(runs).toBe(1);
    runs = 0;
    await expect(retryTransient(async () => { runs++; throw wrapped('40P01'); }, 3, 1)).rejects.toThrow('Failed query');
    expect(runs).toBe(3);
  });
});

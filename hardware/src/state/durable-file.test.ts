import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncFolder, writeFileDurably } from './durable-file';

let folder: string | null = null;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('writeFileDurably', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    folder = await mkdtemp(join(tmpdir(), 'pos-durable-'));
    const file = join(folder, 'pairings.json');
    await writeFileDurably(file, 'old');
    await writeFileDurably(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['pairings.json']);
  });
});

describe('syncFolder', () => {
  it('flushes a folder on Linux, and leaves it to NTFS on Windows, where a folder cannot be flushed', async () => {
    const missing = join(tmpdir(), 'pos-durable-missing-folder');
    await expect(syncFolder(missing, 'linux')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(syncFolder(missing, 'win32')).resolves.toBeUndefined();
  });
});

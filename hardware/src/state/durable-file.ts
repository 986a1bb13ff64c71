import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `file` so that a crash or power cut leaves either the old contents or the new, never a
 * torn mix: the new contents go to a temporary file that is flushed to disk, renamed over the
 * old one, and the folder is flushed so the rename itself is kept.
 */
export async function writeFileDurably(file: string, contents: string, mode = 0o600): Promise<void> {
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await syncFolder(dirname(file));
}

/**
 * Flushes a folder so that a rename in it is kept. Windows has no such flush (a folder cannot be
 * opened for writing, and flushing needs that); NTFS journals the rename itself.
 */
export async function syncFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

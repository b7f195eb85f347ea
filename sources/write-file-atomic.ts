/**
 * The one atomic file writer of the project, in the lowest layer so the archive, the pipeline
 * and the writers all use it: readers see the old content or the new, never half of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './errors.ts';

/** Temporary files start with this, so a folder listing (the archive's) never takes them for content. */
export const TEMP_PREFIX = '.tmp-';

/** Writes under a temporary name beside `path` (same filesystem) and renames it into place. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await ensureDirectory(dirname(path));
  const temporary = join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  try {
    // Flushed before the rename: after a power cut the new name never points at unwritten data.
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * mkdir -p without Node's recursive mkdir, which retries forever where mkdir answers ENOENT for a
 * parent that exists (/proc/x spins at 100% CPU). Each level is tried once; errors keep their path.
 */
export async function ensureDirectory(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST' || code === 'EISDIR') {
      if ((await stat(path)).isDirectory()) return;
      throw error;
    }
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await ensureDirectory(parent);
    // Another writer may have made it meanwhile: the same check as above.
    await ensureDirectory(path);
  }
}

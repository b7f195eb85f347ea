/**
 * Writes so that readers only ever see the old or the new content. A file: see
 * sources/write-file-atomic.ts. A folder: every file into a temporary folder beside it
 * (same parent, so the renames stay on one filesystem), then swapped in; leftovers of a killed
 * swap are recovered or removed by the next write to the same folder.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open, readdir, realpath, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { errorCode, MonitorError } from '../sources/errors.ts';
import { ensureDirectory } from '../sources/write-file-atomic.ts';
import { isProcessAlive } from '../pipeline/lock/lock-file.ts';
import { pauseForTest } from '../pipeline/test-pause.ts';

/**
 * Checks, before any work, that `target` can become a folder: not the root or the working
 * folder, its parent a folder (created if missing), the target itself no file. Returns its real path.
 */
export async function checkFolderTarget(target: string): Promise<string> {
  const wanted = resolve(target);
  const parent = dirname(wanted);
  if (parent === wanted) throw new MonitorError(`de monitor kan niet in de hoofdmap ${wanted} worden geschreven; kies een map`);
  const cwd = process.cwd();
  if (cwd === wanted || cwd.startsWith(`${wanted}${sep}`)) {
    throw new MonitorError(`map ${wanted} is (of bevat) de huidige werkmap; kies een andere map voor de monitor`);
  }
  await guard(wanted, () => ensureDirectory(parent));
  const folder = await guard(wanted, async () => ((await exists(wanted)) ? await realpath(wanted) : wanted));
  if (!(await guard(folder, () => stat(folder).then((found) => found.isDirectory(), () => true)))) {
    throw new MonitorError(`${folder} is een bestand, geen map; kies een map voor de monitor`);
  }
  // Whether a folder can be made beside it, as the swap will: fails now rather than after rendering.
  const probe = join(dirname(folder), `.${basename(folder)}.new-${process.pid}-${randomBytes(4).toString('hex')}`);
  await guard(folder, () => mkdir(probe));
  await guard(folder, () => rm(probe, { recursive: true, force: true }));
  return folder;
}

export type FolderFile =
  | {
      /** Path inside the folder, with '/' between subfolders. */
      name: string;
      content: string | Uint8Array;
    }
  | {
      name: string;
      /** The text piece by piece, made as it is written (outputs/site/chunks.ts). */
      chunks: () => Iterable<string>;
    };

/**
 * Replaces `target` by a folder holding exactly `files`. An existing target may only hold entries
 * `owned` says belong to what is written (a previous report): anything else (a person's own file,
 * an office lock file) is refused with its name, never carried over or deleted. On an error, or a
 * kill at any moment, the previous folder is intact: at `target`, or (killed between the two
 * renames of the swap) at `.<name>.old-<pid>-…`, from where the next call restores it.
 */
export async function replaceFolder(target: string, files: readonly FolderFile[], owned: (name: string) => boolean): Promise<void> {
  const folder = await checkFolderTarget(target);
  const name = basename(folder);
  const home = dirname(folder);
  await guard(folder, () => recoverLeftovers(home, name));

  const previous = await guard(folder, () => lstat(folder).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? undefined : Promise.reject(error))));
  if (previous && !previous.isDirectory()) throw new MonitorError(`${folder} is een bestand, geen map; kies een map voor de monitor`);
  if (previous) {
    const foreign = (await guard(folder, () => listEntries(folder))).filter((entry) => !owned(entry));
    if (foreign.length > 0) {
      throw new MonitorError(
        `map ${folder} bevat ${foreign.length === 1 ? 'een bestand dat' : 'bestanden die'} de monitor niet schrijft: ` +
          `${foreign.slice(0, 10).join(', ')}${foreign.length > 10 ? ` en nog ${foreign.length - 10}` : ''}; ` +
          `de monitor vervangt de hele map, dus verplaats ${foreign.length === 1 ? 'het' : 'ze'} of kies een andere map`,
      );
    }
  }

  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = join(home, `.${name}.new-${suffix}`);
  const aside = join(home, `.${name}.old-${suffix}`);
  let movedAside = false;
  try {
    await mkdir(fresh);
    if (previous) await chmod(fresh, previous.mode & 0o7777);
    const paths = files.map((file) => join(fresh, ...file.name.split('/')));
    for (const folder of new Set(paths.map((path) => dirname(path)))) await mkdir(folder, { recursive: true });
    // Written side by side (libuv's threads), in two halves: the crash tests stop between them.
    const half = Math.floor(files.length / 2) + 1;
    await writeAll(files.slice(0, half), paths.slice(0, half));
    if (files.length > 0) await pauseForTest('rapport-half-geschreven');
    await writeAll(files.slice(half), paths.slice(half));
    if (previous) {
      await rename(folder, aside);
      movedAside = true;
      await pauseForTest('rapport-oud-opzij');
    }
    await rename(fresh, folder);
    movedAside = false;
    await pauseForTest('rapport-nieuw-geplaatst');
  } catch (error) {
    if (movedAside) await rename(aside, folder).catch(() => undefined);
    await rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    throw folderError(error, folder);
  }
  // The swap is done; a failure to remove the old copy leaves a leftover the next write removes.
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

/** Above this many characters or bytes a file is written on its own: a string is turned into bytes as it is written. */
const LARGE_FILE = 1_000_000;

/**
 * Writes each file to its path: the small ones side by side (a report has some 75, and one at a
 * time they took three times as long), the large ones (a year of 100k records) and those made as
 * they are written one after another so that their bytes are not all in memory at once. Returns
 * once every write has settled (none still runs when a failed folder is removed), failing with the
 * first error.
 */
async function writeAll(files: readonly FolderFile[], paths: readonly string[]): Promise<void> {
  const write = (index: number) => {
    const file = files[index]!;
    return 'content' in file ? writeFile(paths[index]!, file.content, { flag: 'wx' }) : writeChunks(paths[index]!, file.chunks());
  };
  const large = files.flatMap((file, index) => (!('content' in file) || file.content.length > LARGE_FILE ? [index] : []));
  const results = await Promise.allSettled(files.flatMap((file, index) => (large.includes(index) ? [] : [write(index)])));
  for (const index of large) results.push(...(await Promise.allSettled([write(index)])));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Bytes gathered before they are written. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes text given piece by piece: each piece encoded into a buffer, the buffer written when the
 * next piece might not fit (a piece larger than the buffer on its own). The file is closed also
 * when making a piece fails.
 */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BATCH);
    let used = 0;
    const flush = async () => {
      await writeFully(handle, buffer.subarray(0, used));
      used = 0;
    };
    for (const chunk of chunks) {
      // A UTF-16 code unit takes at most three bytes in UTF-8.
      if (used + 3 * chunk.length > WRITE_BATCH) await flush();
      if (3 * chunk.length > WRITE_BATCH) await writeFully(handle, Buffer.from(chunk));
      else used += buffer.write(chunk, used);
    }
    await flush();
  } finally {
    await handle.close();
  }
}

/** Writes all of `bytes` at the file's position, however many writes it takes. */
async function writeFully(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

const LEFTOVER = /^\.(.+)\.(new|old)-(\d+)-[0-9a-f]{8}$/;

/** Restores a previous folder a killed swap had moved aside, and removes the leftovers of dead writers. */
async function recoverLeftovers(home: string, name: string): Promise<void> {
  const leftovers = (await readdir(home))
    .map((entry) => ({ entry, match: LEFTOVER.exec(entry) }))
    .filter(({ match }) => match?.[1] === name && !isProcessAlive(Number(match[3])))
    .map(({ entry, match }) => ({ path: join(home, entry), kind: match?.[2] }));
  const target = join(home, name);
  const moved = leftovers.find((leftover) => leftover.kind === 'old');
  if (moved && !(await exists(target))) await rename(moved.path, target);
  for (const leftover of leftovers) {
    if (leftover !== moved || (await exists(leftover.path))) await rm(leftover.path, { recursive: true, force: true });
  }
}

/** Every file and folder under `folder`, as paths with '/'. */
async function listEntries(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')).sort();
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

async function guard<T>(folder: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw folderError(error, folder);
  }
}

/** A file-system error as one Dutch line naming the folder the person asked for; the cause stays for --debug. */
function folderError(error: unknown, folder: string): unknown {
  if (error instanceof MonitorError) return error;
  const code = errorCode(error);
  if (code === undefined) return error;
  const at = (error as { path?: unknown }).path;
  const where = typeof at === 'string' && !basename(at).startsWith(`.${basename(folder)}.`) ? at : folder;
  const unchanged = 'de vorige inhoud is ongewijzigd';
  const message =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? `${where} is een bestand, geen map; de monitor kan niet naar ${folder} worden geschreven`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `geen schrijfrechten voor ${where === folder ? dirname(folder) : where}; de monitor kan niet naar ${folder} worden geschreven`
        : code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
          ? `geen ruimte meer op de schijf bij het schrijven van de monitor naar ${folder} (${unchanged})`
          : `de monitor kan niet naar ${folder} worden geschreven`;
  return new MonitorError(message, { cause: error });
}

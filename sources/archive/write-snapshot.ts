/**
 * Writing a snapshot. Bodies go to the source's bodies/ folder first, each under its content
 * hash (an identical body already there is reused, so identical content is stored once); then
 * the manifest is written into a temporary folder that is renamed into place, so a snapshot
 * folder either exists complete or not at all. A crash between the two leaves at most a body no
 * manifest refers to, which is harmless.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchedFile } from '../adapter.ts';
import { sha256Hex } from '../sha256.ts';
import { TEMP_PREFIX, writeFileAtomic } from '../write-file-atomic.ts';
import { BODIES_DIR, bodyName, hashOfBodyName, MANIFEST_FILE, snapshotFolderName, sourceDir } from './layout.ts';
import type { Manifest } from './manifest.ts';
import type { SnapshotInfo } from './read-snapshot.ts';

export type { FetchedFile };

export interface NewSnapshot {
  source: string;
  adapterVersion: number;
  fetchedAt: Date;
  /** The settings the fetch ran with (defaults filled in); recorded in the manifest when not empty. */
  settings?: Readonly<Record<string, unknown>>;
  files: readonly FetchedFile[];
}

export interface WrittenSnapshot {
  info: SnapshotInfo;
  /** Bodies this snapshot added to the archive; the others were there already. */
  newBodies: number;
}

export async function writeSnapshot(archiveDir: string, snapshot: NewSnapshot): Promise<WrittenSnapshot> {
  const root = sourceDir(archiveDir, snapshot.source);
  const bodies = join(root, BODIES_DIR);
  await mkdir(bodies, { recursive: true });
  const existing = await bodiesByHash(bodies);

  let newBodies = 0;
  const files: Manifest['files'] = [];
  for (const file of snapshot.files) {
    const sha256 = sha256Hex(file.bytes);
    let name = existing.get(sha256);
    if (name === undefined || !(await holds(join(bodies, name), sha256))) {
      name = bodyName(sha256, file.contentType);
      await writeFileAtomic(join(bodies, name), file.bytes);
      existing.set(sha256, name);
      newBodies += 1;
    }
    files.push({ url: file.url, status: file.status, contentType: file.contentType, bytes: file.bytes.byteLength, sha256, name });
  }

  const manifest: Manifest = {
    source: snapshot.source,
    adapterVersion: snapshot.adapterVersion,
    fetchedAt: snapshot.fetchedAt.toISOString(),
    ...(snapshot.settings === undefined || Object.keys(snapshot.settings).length === 0 ? {} : { settings: { ...snapshot.settings } }),
    files,
  };
  const dir = await placeManifest(root, snapshot.fetchedAt, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    info: { source: snapshot.source, dir, status: 'unparsed', fetchedAt: manifest.fetchedAt, adapterVersion: manifest.adapterVersion, files },
    newBodies,
  };
}

async function placeManifest(root: string, fetchedAt: Date, text: string): Promise<string> {
  const temporary = join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(temporary);
    await writeFile(join(temporary, MANIFEST_FILE), text, { flag: 'wx' });
    for (let collision = 0; ; collision += 1) {
      const dir = join(root, snapshotFolderName(fetchedAt, collision));
      try {
        await rename(temporary, dir);
        return dir;
      } catch (error) {
        // rename onto an existing, non-empty folder fails with one of these, depending on the OS
        if (!(isCode(error, 'ENOTEMPTY') || isCode(error, 'EEXIST')) || collision >= 100) throw error;
      }
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

async function bodiesByHash(bodies: string): Promise<Map<string, string>> {
  const byHash = new Map<string, string>();
  for (const name of await readdir(bodies)) {
    const hash = hashOfBodyName(name);
    if (hash !== undefined) byHash.set(hash, name);
  }
  return byHash;
}

/** Whether a stored body still has the content its name promises (else it is written again). */
async function holds(path: string, sha256: string): Promise<boolean> {
  try {
    return sha256Hex(new Uint8Array(await readFile(path))) === sha256;
  } catch {
    return false;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

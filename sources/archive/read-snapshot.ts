/** Reading the archive: which snapshots a source has, which one is in use, and a snapshot's bodies. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import type { RawFile, Snapshot } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { sha256Hex } from '../sha256.ts';
import { bodiesDirOf, hashOfBodyName, MANIFEST_FILE, SNAPSHOT_FOLDER, sourceDir, VERDICT_FILE } from './layout.ts';
import { Manifest, Verdict } from './manifest.ts';

export type SnapshotStatus = 'good' | 'rejected' | 'unparsed' | 'damaged';

export interface SnapshotInfo {
  source: string;
  /** The snapshot folder. */
  dir: string;
  /** good: parsed without error, the only kind ever used; rejected: parse failed (kept for
   * inspection); unparsed: never parsed (e.g. interrupted); damaged: its manifest is unreadable. */
  status: SnapshotStatus;
  fetchedAt: string;
  adapterVersion: number;
  files: Manifest['files'];
  verdict?: Verdict;
  /** Why a snapshot is damaged. */
  problem?: string;
  /**
   * Set by snapshotInUse when the stored verdict came from another adapter version: that version.
   * `verdict` is then the outcome of parsing it again with the current adapter (in memory only).
   */
  reparsedFrom?: number;
}

/** All snapshots of a source, oldest first. */
export async function listSnapshots(archiveDir: string, source: string): Promise<SnapshotInfo[]> {
  const root = sourceDir(archiveDir, source);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const folders = names.filter((name) => SNAPSHOT_FOLDER.test(name)).sort();
  return Promise.all(folders.map((name) => describe(source, join(root, name))));
}

/** The newest snapshot that parsed without error: the one in use. */
export async function latestGoodSnapshot(archiveDir: string, source: string): Promise<SnapshotInfo | undefined> {
  return (await listSnapshots(archiveDir, source)).filter((snapshot) => snapshot.status === 'good').at(-1);
}

/** A snapshot with its bodies, each checked against the sha256 its manifest records. */
export async function readSnapshot(dir: string): Promise<Snapshot> {
  const manifest = await readManifest(dir);
  const bodies = bodiesDirOf(dir);
  const files: RawFile[] = [];
  for (const file of manifest.files) {
    if (file.name.includes('/') || file.name.includes('\\') || file.name.includes('..')) {
      throw damaged(dir, `bestandsnaam '${file.name}' in ${MANIFEST_FILE} is ongeldig (een naam mag geen '/' of '..' bevatten)`);
    }
    if (hashOfBodyName(file.name) !== file.sha256) {
      throw damaged(dir, `bestandsnaam '${file.name}' in ${MANIFEST_FILE} past niet bij sha256 ${file.sha256}`);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(join(bodies, file.name)));
    } catch (error) {
      throw damaged(dir, `bestand ${file.name} ontbreekt in ${bodies}`, error);
    }
    const actual = sha256Hex(bytes);
    if (actual !== file.sha256 || bytes.byteLength !== file.bytes) {
      throw damaged(dir, `bestand ${file.name} is beschadigd: sha256 ${actual}, volgens ${MANIFEST_FILE} ${file.sha256}`);
    }
    files.push({ name: file.name, url: file.url, status: file.status, contentType: file.contentType, bytes, sha256: file.sha256 });
  }
  return {
    source: manifest.source,
    adapterVersion: manifest.adapterVersion,
    fetchedAt: manifest.fetchedAt,
    ...(manifest.settings === undefined ? {} : { settings: manifest.settings }),
    files,
  };
}

export async function readManifest(dir: string): Promise<Manifest> {
  return readJson(dir, MANIFEST_FILE, Manifest);
}

async function describe(source: string, dir: string): Promise<SnapshotInfo> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { source, dir, status: 'damaged', fetchedAt: '', adapterVersion: 0, files: [], problem };
  }
  const info = { source, dir, fetchedAt: manifest.fetchedAt, adapterVersion: manifest.adapterVersion, files: manifest.files };
  let verdict: Verdict;
  try {
    verdict = await readJson(dir, VERDICT_FILE, Verdict);
  } catch (error) {
    if (error instanceof MonitorError && isMissing(error.cause)) return { ...info, status: 'unparsed' };
    return { ...info, status: 'damaged', problem: error instanceof Error ? error.message : String(error) };
  }
  return { ...info, status: verdict.good ? 'good' : 'rejected', verdict };
}

async function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, file), 'utf8'));
  } catch (error) {
    throw damaged(dir, `${file} kan niet worden gelezen`, error);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw damaged(dir, `${file} klopt niet: veld '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'onbekende fout'}`);
  }
  return result.data;
}

function damaged(dir: string, detail: string, cause?: unknown): MonitorError {
  return new MonitorError(`momentopname ${basename(dirname(dir))}/${basename(dir)}: ${detail}`, { cause });
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

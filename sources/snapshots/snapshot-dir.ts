/**
 * Reads and writes snapshots in the archive layout of sources/archive/:
 *
 *   <root>/<source>/bodies/<sha256>.<ext>       the bodies
 *   <root>/<source>/<timestamp>/manifest.json   source, adapterVersion, fetchedAt; per file url,
 *                                               status, contentType, bytes, sha256, name
 *   <root>/<source>/<timestamp>/verdict.json    the outcome of parse (bundled: always good)
 *
 * so that sources/snapshots/ and test/fixtures/sources/snapshots/ are archives the fetch command
 * can read as they are.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ParseResult, Snapshot } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { sha256Hex } from './raw-file.ts';

const ManifestFile = z.object({
  url: z.string().min(1),
  status: z.number().int(),
  contentType: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().regex(/^[0-9a-f]{64}\.[a-z0-9]+$/),
});

const Manifest = z.object({
  source: z.string().min(1),
  adapterVersion: z.number().int().positive(),
  fetchedAt: z.iso.datetime(),
  files: z.array(ManifestFile),
});
type Manifest = z.infer<typeof Manifest>;

/** "2024-10-01T00:00:00Z" → "2024-10-01T00-00-00-000Z", the archive's folder name. */
export function snapshotFolderName(fetchedAt: string): string {
  return new Date(fetchedAt).toISOString().replace(/[:.]/g, '-');
}

export async function readSnapshotDir(dir: string): Promise<Snapshot> {
  const manifestPath = join(dir, 'manifest.json');
  const text = await readFile(manifestPath, 'utf8').catch((cause: unknown) => {
    throw new MonitorError(`geen manifest.json in ${dir}`, { cause });
  });
  const parsed = Manifest.safeParse(jsonOrUndefined(text));
  if (!parsed.success) throw new MonitorError(`manifest.json klopt niet: ${z.prettifyError(parsed.error)}`, { location: { file: manifestPath } });
  const { files, ...meta } = parsed.data;
  const bodies = join(dirname(dir), 'bodies');
  return {
    ...meta,
    files: await Promise.all(
      files.map(async (entry) => {
        const bytes = new Uint8Array(await readFile(join(bodies, entry.name)));
        if (bytes.byteLength !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
          throw new MonitorError(`bestand ${entry.name} in ${bodies} klopt niet met manifest.json (grootte of sha256)`);
        }
        return { ...entry, bytes };
      }),
    ),
  };
}

/** Writes one snapshot of a source under `root`, with a good verdict from the parse it was checked with. Returns its folder. */
export async function writeSnapshotDir(root: string, snapshot: Snapshot, parsed: ParseResult<unknown>): Promise<string> {
  const sourceRoot = join(root, snapshot.source);
  const dir = join(sourceRoot, snapshotFolderName(snapshot.fetchedAt));
  await mkdir(join(sourceRoot, 'bodies'), { recursive: true });
  await mkdir(dir, { recursive: true });
  for (const file of snapshot.files) await writeFile(join(sourceRoot, 'bodies', file.name), file.bytes);
  const manifest: Manifest = {
    source: snapshot.source,
    adapterVersion: snapshot.adapterVersion,
    fetchedAt: snapshot.fetchedAt,
    files: snapshot.files.map(({ url, status, contentType, bytes, sha256, name }) => ({ url, status, contentType, bytes: bytes.byteLength, sha256, name })),
  };
  const verdict = {
    good: true,
    parsedAt: snapshot.fetchedAt,
    adapterVersion: snapshot.adapterVersion,
    records: parsed.records.length,
    rejects: parsed.rejects.length,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'verdict.json'), `${JSON.stringify(verdict, null, 2)}\n`);
  return dir;
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

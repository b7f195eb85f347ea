/**
 * Where things live in the archive:
 *
 *   <archive>/<source>/bodies/<sha256>.<ext>           every distinct body, stored once per source
 *   <archive>/<source>/<timestamp>/manifest.json       one fetch: which bodies, from which URL
 *   <archive>/<source>/<timestamp>/verdict.json        written after parsing: good or rejected
 *
 * A snapshot folder holds no bodies, so an unchanged source costs one small manifest per fetch.
 * Names come from the content hash and the content type, never from a URL.
 */
import { dirname, join } from 'node:path';
import { MonitorError } from '../errors.ts';

export const BODIES_DIR = 'bodies';
export const MANIFEST_FILE = 'manifest.json';
export const VERDICT_FILE = 'verdict.json';

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** 2025-03-03T04-00-00-000Z, with -1, -2, … when two fetches share a millisecond. */
export const SNAPSHOT_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?$/;
const BODY_NAME = /^([0-9a-f]{64})\.([a-z0-9]+)$/;

export function sourceDir(archiveDir: string, source: string): string {
  if (!SOURCE_ID.test(source)) {
    throw new MonitorError(`bronnaam '${source}' mag alleen kleine letters, cijfers en '-' bevatten`);
  }
  return join(archiveDir, source);
}

export function bodiesDirOf(snapshotDir: string): string {
  return join(dirname(snapshotDir), BODIES_DIR);
}

export function snapshotFolderName(fetchedAt: Date, collision = 0): string {
  const base = fetchedAt.toISOString().replace(/[:.]/g, '-');
  return collision === 0 ? base : `${base}-${collision}`;
}

export function bodyName(sha256: string, contentType: string): string {
  return `${sha256}.${extensionFor(contentType)}`;
}

/** The sha256 a body name stands for, or undefined when the name is not `<sha256>.<ext>`. */
export function hashOfBodyName(name: string): string | undefined {
  return BODY_NAME.exec(name)?.[1];
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
  'application/geo+json': 'geojson',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

export function extensionFor(contentType: string): string {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = Object.hasOwn(EXTENSIONS, mediaType) ? EXTENSIONS[mediaType] : undefined;
  if (known !== undefined) return known;
  if (mediaType.endsWith('+json')) return 'json';
  if (mediaType.endsWith('+xml')) return 'xml';
  return 'bin';
}

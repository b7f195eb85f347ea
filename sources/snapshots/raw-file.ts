/**
 * A fetched response as a snapshot stores it: named after the sha256 of its body, with an
 * extension from its content type (never from the URL), as sources/archive names bodies.
 */
import { createHash } from 'node:crypto';
import type { RawFile } from '../adapter.ts';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/html': 'html',
  'application/json': 'json',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function toRawFile(fetched: Omit<RawFile, 'name' | 'sha256'>): RawFile {
  const sha256 = sha256Hex(fetched.bytes);
  const mediaType = fetched.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return { ...fetched, sha256, name: `${sha256}.${EXTENSIONS[mediaType] ?? 'bin'}` };
}

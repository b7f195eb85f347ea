/** A fetched response as a snapshot holds it: named `<sha256>.<ext>` as the archive stores bodies. */
import type { FetchedFile, RawFile } from '../adapter.ts';
import { sha256Hex } from '../sha256.ts';
import { bodyName } from './layout.ts';

export function toRawFile(fetched: FetchedFile): RawFile {
  const sha256 = sha256Hex(fetched.bytes);
  return { url: fetched.url, status: fetched.status, contentType: fetched.contentType, bytes: fetched.bytes, sha256, name: bodyName(sha256, fetched.contentType) };
}

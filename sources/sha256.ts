import { createHash } from 'node:crypto';

/**
 * The one content hash of the project (file fingerprints, snapshot bodies, ids), lower-case hex.
 * Several parts are hashed one after the other, as if concatenated.
 */
export function sha256Hex(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

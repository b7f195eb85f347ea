/**
 * What a shared build left, as one value: sha256 over every file's path and bytes. The build
 * records it when done; the suite's teardown recomputes it, so a test that wrote into a shared
 * folder (instead of into its own copy) fails the run rather than silently changing what the
 * next test reads.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Written by the build that finished, beside what it built. */
export const DONE_FILE = 'done.json';

export interface Done<T> {
  fingerprint: string;
  value: T;
}

export function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of files) {
    hash.update(relative(folder, path).split(sep).join('/')).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** Throws when a shared build under `suiteFolder` no longer holds what it held when it was done. */
export function checkSharedUnchanged(suiteFolder: string): void {
  const changed = readdirSync(suiteFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(suiteFolder, entry.name, DONE_FILE)))
    .filter((entry) => {
      const done = JSON.parse(readFileSync(join(suiteFolder, entry.name, DONE_FILE), 'utf8')) as Done<unknown>;
      return fingerprint(join(suiteFolder, entry.name, 'built')) !== done.fingerprint;
    })
    .map((entry) => entry.name);
  if (changed.length > 0) {
    throw new Error(`a test changed the shared build(s) ${changed.join(', ')}; tests must write into a copy (see test/helpers/shared-build.ts)`);
  }
}

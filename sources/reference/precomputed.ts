/**
 * What the build (pipeline/cli/build.mjs, run by `npm ci`) computed once from the bundled reference
 * data and map and stored in dist/ beside the bundle: the reference data parsed and checked, the
 * maps projected. They depend on nothing but files the build's manifest (dist/build.json) lists with
 * their modification times: the sources of the bundle and the data files read.
 *
 * Run from the bundle, the bin has compared those times at its start and built again when one
 * changed, so what lies in dist/ is this code's own. Run from the TypeScript sources (tests, tsx),
 * dist/ may be older than the code: it is used only when no file of its manifest has changed since,
 * checked once per process. Otherwise, or when a file is missing, the caller computes it itself.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../../dist/', import.meta.url);
const ROOT = new URL('../../', import.meta.url);

/** The files the build stores, by what they hold. */
export const PRECOMPUTED_FILES = { reference: 'reference-data.v8', siteMaps: 'site-maps.json', coverageMap: 'coverage-map.json' } as const;

export type PrecomputedName = keyof typeof PRECOMPUTED_FILES;

let fresh: boolean | undefined;

/** The stored bytes of `name`, or undefined when dist/ may not hold what this code would compute. */
export function precomputedBytes(name: PrecomputedName): Buffer | undefined {
  fresh ??= runsFromBundle() || manifestUnchanged(fileURLToPath(DIST), fileURLToPath(ROOT));
  if (!fresh) return undefined;
  try {
    return readFileSync(new URL(PRECOMPUTED_FILES[name], DIST));
  } catch {
    return undefined;
  }
}

/** In the bundle import.meta.filename names its chunk in dist/ (the build replaces only import.meta.url). */
function runsFromBundle(): boolean {
  return (import.meta.filename as string | undefined)?.endsWith('.js') === true;
}

/** Whether every input that `dist`'s manifest lists (a path under `root`) still has the modification time it was built from. */
export function manifestUnchanged(dist: string, root: string): boolean {
  let inputs: unknown;
  try {
    inputs = (JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8')) as { inputs?: unknown }).inputs;
  } catch {
    return false;
  }
  if (typeof inputs !== 'object' || inputs === null) return false;
  return Object.entries(inputs).every(([input, mtimeMs]) => statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs === mtimeMs);
}

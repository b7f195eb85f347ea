/**
 * The order in which vitest hands test files to its two workers (`sequence.sequencer` in
 * test/vitest.config.ts). A free worker takes the next file in the list, so the list is a greedy
 * schedule: longest first leaves only short files for the end, and both workers finish close
 * together. vitest's own order needs durations cached by an earlier run on this machine; on a clean
 * clone it orders by file size, and some of the slowest files are small (they start processes or
 * LibreOffice), so they could end the run with the other worker idle.
 *
 * Durations come from test/setup/file-durations.json, measured by test/setup/durations-reporter.ts
 * (test/README.md says how to refresh it). A file not in it yet goes first, larger before smaller:
 * its duration is unknown, and one that turns out long then does not end the run.
 *
 * In one pool vitest runs one project's files to the end before it starts the next project's, the
 * projects in the order they first appear in this list; the project with the most work goes first.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export interface FileToOrder {
  project: string;
  /** Relative to the repository, with forward slashes: the key in file-durations.json. */
  path: string;
  /** Bytes: the order of files without a measured duration. */
  size: number;
}

/** Measured seconds per file (keys as FileToOrder.path). */
export type FileDurations = Readonly<Record<string, number>>;

export const DURATIONS_FILE = new URL('./file-durations.json', import.meta.url);

export function readDurations(): FileDurations {
  return JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as FileDurations;
}

/** Projects by their total measured duration, most first; in each, unmeasured files by size, then measured ones longest first. */
export function orderFiles<T extends FileToOrder>(files: readonly T[], durations: FileDurations): T[] {
  const byProject = new Map<string, T[]>();
  for (const file of files) byProject.set(file.project, [...(byProject.get(file.project) ?? []), file]);
  const work = (group: readonly T[]) => group.reduce((sum, file) => sum + (durations[file.path] ?? 0), 0);
  const inOrder = (group: readonly T[]) => {
    const unmeasured = group.filter((file) => durations[file.path] === undefined).sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
    const measured = group.filter((file) => durations[file.path] !== undefined).sort((a, b) => durations[b.path]! - durations[a.path]! || a.path.localeCompare(b.path));
    return [...unmeasured, ...measured];
  };
  return [...byProject.values()].sort((a, b) => work(b) - work(a)).flatMap(inOrder);
}

export function repositoryPath(root: string, moduleId: string): string {
  return relative(root, moduleId).split('\\').join('/');
}

/** vitest's sequencer with orderFiles as its sort (sharding stays vitest's own). */
export class MeasuredDurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const durations = readDurations();
    const described = files.map((spec) => ({ spec, project: spec.project.name, path: repositoryPath(root, spec.moduleId), size: statSync(spec.moduleId).size }));
    return orderFiles(described, durations).map(({ spec }) => spec);
  }
}

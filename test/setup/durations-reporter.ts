/**
 * A vitest reporter that writes each passed file's duration (its hooks and tests, in seconds) into
 * test/setup/file-durations.json, the list test/setup/file-order.ts orders the files by. Entries of
 * files this run did not pass are kept; entries of files that no longer exist are dropped. How to
 * run it is in test/README.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { DURATIONS_FILE, readDurations, repositoryPath } from './file-order.ts';

export default class DurationsReporter implements Reporter {
  private root = '';

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    const durations: Record<string, number> = { ...readDurations() };
    for (const module of modules) {
      if (module.state() !== 'passed') continue;
      durations[repositoryPath(this.root, module.moduleId)] = Math.round(module.diagnostic().duration / 100) / 10;
    }
    const kept = Object.entries(durations)
      .filter(([path]) => existsSync(join(this.root, path)))
      .sort(([pathA, a], [pathB, b]) => b - a || pathA.localeCompare(pathB));
    writeFileSync(fileURLToPath(DURATIONS_FILE), `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
  }
}

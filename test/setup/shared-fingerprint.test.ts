import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSharedUnchanged, DONE_FILE, fingerprint } from './shared-fingerprint.ts';

/** A suite folder with one finished shared build named `name`, holding reports/2024/locaties.csv. */
function suiteWithBuild(name: string): { suite: string; built: string } {
  const suite = mkdtempSync(join(tmpdir(), 'lsp-monitor-suite-test-'));
  const built = join(suite, name, 'built');
  mkdirSync(join(built, 'reports', '2024'), { recursive: true });
  writeFileSync(join(built, 'reports', '2024', 'locaties.csv'), 'naam\nInloop Zeist\n');
  writeFileSync(join(suite, name, DONE_FILE), JSON.stringify({ fingerprint: fingerprint(built), value: null }));
  return { suite, built };
}

describe('the check that no test wrote into a shared build', () => {
  it('passes while the shared folder holds what the build left', () => {
    const { suite } = suiteWithBuild('monitor-2024');
    expect(() => checkSharedUnchanged(suite)).not.toThrow();
  });

  it('fails the run, naming the build, when a test changed or added a file in it', () => {
    const changed = suiteWithBuild('monitor-2024');
    writeFileSync(join(changed.built, 'reports', '2024', 'locaties.csv'), 'naam\nInloop Zeist\nInloop Ede\n');
    expect(() => checkSharedUnchanged(changed.suite)).toThrow(/changed the shared build\(s\) monitor-2024/);

    const added = suiteWithBuild('monitor-2024');
    writeFileSync(join(added.built, 'reports', 'extra.csv'), '');
    expect(() => checkSharedUnchanged(added.suite)).toThrow(/monitor-2024/);
  });

  it('ignores a build that never finished (its own test already failed)', () => {
    const suite = mkdtempSync(join(tmpdir(), 'lsp-monitor-suite-test-'));
    mkdirSync(join(suite, 'half', 'built'), { recursive: true });
    expect(() => checkSharedUnchanged(suite)).not.toThrow();
  });
});

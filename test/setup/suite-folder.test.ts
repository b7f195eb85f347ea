import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { removeAbandonedRunRoots } from './suite-folder.ts';

describe('the run folder', () => {
  it('is the temporary folder of every test, so its scratch folders go when the run ends', () => {
    expect(tmpdir()).toMatch(/[/\\]lsp-monitor-tests-\d+-[^/\\]+$/);
    expect(relative(tmpdir(), inject('suiteFolder'))).toBe('shared');
  });

  it('removes the folders of runs whose process is gone, and keeps those of live runs and anything else', () => {
    const parent = mkdtempSync(join(tmpdir(), 'abandoned-'));
    // Far above any pid Linux hands out (pid_max is at most 2^22).
    for (const name of ['lsp-monitor-tests-99999999-abc', `lsp-monitor-tests-${process.pid}-def`, 'lsp-monitor-test-xyz', 'other']) {
      mkdirSync(join(parent, name, 'inside'), { recursive: true });
    }
    removeAbandonedRunRoots(parent);
    expect(readdirSync(parent).sort()).toEqual(['lsp-monitor-test-xyz', `lsp-monitor-tests-${process.pid}-def`, 'other']);
  });
});

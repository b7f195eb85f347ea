import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterById, SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { UsageError } from '../../../sources/errors.ts';

describe('registry', () => {
  it('finds an adapter by id', () => {
    for (const adapter of SOURCE_ADAPTERS) expect(adapterById(adapter.id)).toBe(adapter);
  });

  it('names the known sources for an unknown one', () => {
    expect(() => adapterById('mind')).toThrow(UsageError);
    expect(() => adapterById('mind')).toThrow(
      "onbekende bron 'mind' (bekend: mind-atlas, nvzh, cbs-statline, vektis-epa, regional-corrections, survey)",
    );
  });

  it('every adapter lives in its own file named after its id', () => {
    const files = readdirSync(fileURLToPath(new URL('../../../sources/adapters/', import.meta.url)));
    for (const adapter of SOURCE_ADAPTERS) expect(files).toContain(`${adapter.id}.ts`);
  });

  it('declares a positive version and a Dutch title', () => {
    for (const adapter of SOURCE_ADAPTERS) {
      expect(adapter.version).toBeGreaterThan(0);
      expect(adapter.title.length).toBeGreaterThan(0);
    }
  });
});

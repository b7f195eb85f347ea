/**
 * The build stores the reference data checked and the maps projected in dist/ (pipeline/cli/
 * precompute.ts, build.mjs), and a run reads them only while no input of the build's manifest has
 * changed since (sources/reference/precomputed.ts). The suite brings dist/ up to date before any
 * test (test/setup/suite-folder.ts), so here it holds this code's own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { coverageMapToStore } from '../../outputs/figures/coverage-map.ts';
import { referenceDivision } from '../../outputs/site/reference-division.ts';
import { divisionOfRows, siteMapsToStore } from '../../outputs/site/site-map.ts';
import { PRECOMPUTED_INPUTS } from '../../pipeline/cli/precompute.ts';
import { readReferenceData } from '../../sources/reference/load.ts';
import { manifestUnchanged, PRECOMPUTED_FILES } from '../../sources/reference/precomputed.ts';
import { scratchDir } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const stored = (name: keyof typeof PRECOMPUTED_FILES) => readFileSync(join(DIST, PRECOMPUTED_FILES[name]));

describe('what the build stores in dist/', () => {
  const reference = readReferenceData();
  const rows = referenceDivision(reference);

  it('is what this code computes from the reference files and the map', () => {
    expect(deserialize(stored('reference'))).toEqual(reference);
    expect(stored('siteMaps').toString('utf8')).toBe(siteMapsToStore(divisionOfRows(rows)));
    expect(stored('coverageMap').toString('utf8')).toBe(coverageMapToStore(Object.fromEntries(rows.map(([code, province]) => [code, province]))));
  });

  it('is made of files the manifest lists, so that changing one makes the bin build again', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8')) as { inputs: Record<string, number> }).inputs);
    const data = PRECOMPUTED_INPUTS.map((path) => relative(ROOT, path));
    expect(data).toContain('sources/reference/cbs/pc4_centroids.csv');
    expect(data).toContain('sources/reference/cbs/nl_gemeenten_2025.topojson');
    expect(inputs).toEqual(expect.arrayContaining(data));
  });
});

describe('manifestUnchanged', () => {
  /** A root holding one input, and a dist/ whose manifest lists it with its modification time. */
  function builtRoot(): { root: string; dist: string; input: string } {
    const root = scratchDir();
    const input = join(root, 'data.csv');
    writeFileSync(input, 'a\n1\n');
    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'build.json'), JSON.stringify({ inputs: { 'data.csv': 0 } }));
    utimesSync(input, 1_000, 1_000);
    writeFileSync(join(dist, 'build.json'), JSON.stringify({ inputs: { 'data.csv': 1_000_000 } }));
    return { root, dist, input };
  }

  it('holds while every input keeps its time', () => {
    const { root, dist } = builtRoot();
    expect(manifestUnchanged(dist, root)).toBe(true);
  });

  it('fails for a changed, a removed or an unbuilt input, and without a manifest', () => {
    const changed = builtRoot();
    utimesSync(changed.input, 2_000, 2_000);
    expect(manifestUnchanged(changed.dist, changed.root)).toBe(false);
    const unbuilt = builtRoot();
    writeFileSync(join(unbuilt.dist, 'build.json'), JSON.stringify({ inputs: { 'data.csv': -1 } }));
    expect(manifestUnchanged(unbuilt.dist, unbuilt.root)).toBe(false);
    const removed = builtRoot();
    writeFileSync(join(removed.dist, 'build.json'), JSON.stringify({ inputs: { 'data.csv': 1_000_000, 'gone.csv': 1_000_000 } }));
    expect(manifestUnchanged(removed.dist, removed.root)).toBe(false);
    expect(manifestUnchanged(join(removed.root, 'nothing'), removed.root)).toBe(false);
  });
});

describe('the build of a bundle that precomputes', () => {
  /** A checkout of the bin whose main.ts stores one file made of data.csv, or fails to. */
  function checkout(fails: boolean): { root: string; dist: string } {
    const root = scratchDir();
    const cli = join(root, 'pipeline/cli');
    mkdirSync(cli, { recursive: true });
    for (const file of ['lsp-monitor.mjs', 'build.mjs']) copyFileSync(join(ROOT, 'pipeline/cli', file), join(cli, file));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'data.csv'), 'a\n1\n');
    writeFileSync(
      join(cli, 'main.ts'),
      [
        'export async function main(): Promise<number> {',
        '  return 0;',
        '}',
        'export async function precomputation() {',
        "  return import('./precompute.ts');",
        '}',
      ].join('\n'),
    );
    writeFileSync(
      join(cli, 'precompute.ts'),
      [
        "import { fileURLToPath } from 'node:url';",
        "export const PRECOMPUTED_INPUTS = [fileURLToPath(new URL('../../data.csv', import.meta.url))];",
        "export const PRECOMPUTED_NAMES = ['site-maps.json'];",
        'export function precomputedFiles() {',
        fails ? "  throw new Error('kapot');" : "  return [{ name: 'site-maps.json', contents: 'nieuw' }];",
        '}',
      ].join('\n'),
    );
    const dist = join(root, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'site-maps.json'), 'oud');
    return { root, dist };
  }

  const build = (root: string) => spawnSync(process.execPath, [join(root, 'pipeline/cli/build.mjs')], { encoding: 'utf8' });
  const manifestOf = (dist: string) => (JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8')) as { inputs: Record<string, number> }).inputs;

  it('stores its files and lists the data they are made of', () => {
    const { root, dist } = checkout(false);
    expect(build(root).status).toBe(0);
    expect(readFileSync(join(dist, 'site-maps.json'), 'utf8')).toBe('nieuw');
    expect(Object.keys(manifestOf(dist))).toContain('data.csv');
  });

  it('that fails leaves none of them, an older build\'s neither, and still lists the data', () => {
    const { root, dist } = checkout(true);
    const result = build(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(dist, 'site-maps.json'))).toBe(false);
    expect(Object.keys(manifestOf(dist))).toContain('data.csv');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, importCycles, importsOf, layersInReadme, layerViolations, projectRoot, readSourceTree, unreachable, unresolved, type SourceFile } from './import-graph.ts';

const root = projectRoot();

/**
 * Files that still hash by hand today (issue 14 §4; their owners switch them to sources/sha256.ts,
 * then they leave this list). Any other file that does is a failure.
 */
const KNOWN_OWN_HASHES: readonly string[] = [
  'pipeline/dedupe/identities.ts',
];
/** A development script still in the runtime tree (its folder's owner moves it to test/dev/). */
const KNOWN_DEV_SCRIPTS: readonly string[] = [];

describe('the layers in the folder READMEs', () => {
  const files = readSourceTree(root, ['sources', 'pipeline', 'outputs', 'test']);
  const edges = files.flatMap(importsOf);

  it('reads the whole tree', () => {
    expect(files.some((file) => file.path === 'pipeline/cli/lsp-monitor.mjs')).toBe(true);
    expect(edges.length).toBeGreaterThan(1000);
  });

  it('every relative import points at a file that exists', () => {
    expect(unresolved(edges, files, (path) => existsSync(join(root, path)))).toEqual([]);
  });

  it('the folder READMEs state the table this test enforces', () => {
    const stated = new Map(['sources', 'pipeline', 'outputs', 'test'].flatMap((folder) => [...layersInReadme(readFileSync(join(root, folder, 'README.md'), 'utf8'))]));
    const enforced = new Map(Object.entries(ALLOWED).map(([layer, allowed]) => [layer, [...allowed].sort()]));
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(enforced));
  });

  it('no import goes up a layer or into test/', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('no import cycles between files', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('every file of sources/, pipeline/ and outputs/ is reached from the CLI: development scripts live under test/', () => {
    const unreached = unreachable(['pipeline/cli/lsp-monitor.mjs', 'pipeline/cli/main.ts'], edges, files, ['sources', 'pipeline', 'outputs']);
    expect(unreached.filter((path) => !KNOWN_DEV_SCRIPTS.includes(path))).toEqual([]);
  });

  // Tests keep their own createHash: an independent oracle for what the code stores.
  const runtime = files.filter((file) => !file.path.startsWith('test/'));

  it('one sha256 helper: sources/sha256.ts', () => {
    const hashing = runtime.filter((file) => /\bcreateHash\(/.test(file.text)).map((file) => file.path);
    expect(hashing.filter((path) => path !== 'sources/sha256.ts' && !KNOWN_OWN_HASHES.includes(path))).toEqual([]);
  });

  it('one atomic file writer: sources/write-file-atomic.ts', () => {
    const writers = runtime.filter((file) => /function\s+writeFileAtomic\b/.test(file.text)).map((file) => file.path);
    expect(writers).toEqual(['sources/write-file-atomic.ts']);
  });
});

describe('the checker itself', () => {
  const tree: SourceFile[] = [
    { path: 'sources/schema.ts', text: "import { z } from 'zod';\nimport { readMonitor } from '../pipeline/read-monitor.ts';\n" },
    { path: 'pipeline/format-nl.ts', text: "import type { Row } from '../sources/schema.ts';\nexport * from './stages/build.ts';\n" },
    {
      path: 'pipeline/stages/build.ts',
      text: "import {\n  formatCount,\n} from '../format-nl.ts';\nexport async function later() {\n  // import('../../outputs/in-a-comment.ts')\n  return import('../../outputs/write-report.ts');\n}\n",
    },
    { path: 'outputs/write-report.ts', text: "import { type Row } from '../sources/schema.ts';\nimport { runCli } from '../test/helpers/cli.ts';\n" },
    { path: 'pipeline/cli/main.ts', text: "import { writeReport } from '../../outputs/write-report.ts';\nimport { Command } from './commands/run.ts';\n" },
    { path: 'pipeline/cli/commands/run.ts', text: "import { main } from '../main.ts';\n" },
    { path: 'pipeline/cli/lsp-monitor.mjs', text: "const { main } = await import('./main.ts');\n" },
  ];
  const edges = tree.flatMap(importsOf);

  it('reports each forbidden import with file and line, word for word', () => {
    expect(layerViolations(edges)).toEqual([
      'sources/schema.ts:2 imports pipeline/read-monitor.ts: sources/ may not import pipeline/',
      'pipeline/stages/build.ts:6 imports outputs/write-report.ts: pipeline/ may not import outputs/',
      'outputs/write-report.ts:2 imports test/helpers/cli.ts: outputs/ may not import test/',
    ]);
  });

  it('reports each cycle once, word for word', () => {
    expect(importCycles(edges)).toEqual([
      'pipeline/cli/commands/run.ts -> pipeline/cli/main.ts -> pipeline/cli/commands/run.ts',
      'pipeline/format-nl.ts -> pipeline/stages/build.ts -> pipeline/format-nl.ts',
    ]);
  });

  it('sees type-only imports, re-exports, multi-line and dynamic imports, and skips comments', () => {
    expect(edges.map((edge) => `${edge.from}:${edge.line} ${edge.to ?? edge.specifier}${edge.typeOnly ? ' (type)' : ''}`)).toEqual([
      'sources/schema.ts:1 zod',
      'sources/schema.ts:2 pipeline/read-monitor.ts',
      'pipeline/format-nl.ts:1 sources/schema.ts (type)',
      'pipeline/format-nl.ts:2 pipeline/stages/build.ts',
      'pipeline/stages/build.ts:3 pipeline/format-nl.ts',
      'pipeline/stages/build.ts:6 outputs/write-report.ts',
      'outputs/write-report.ts:1 sources/schema.ts (type)',
      'outputs/write-report.ts:2 test/helpers/cli.ts',
      'pipeline/cli/main.ts:1 outputs/write-report.ts',
      'pipeline/cli/main.ts:2 pipeline/cli/commands/run.ts',
      'pipeline/cli/commands/run.ts:1 pipeline/cli/main.ts',
      'pipeline/cli/lsp-monitor.mjs:1 pipeline/cli/main.ts',
    ]);
  });

  it('reads a README table, ignoring folders that are no layer', () => {
    const readme = ['# outputs/', '', '| code in | may import |', '|---|---|', '| `outputs/` | `sources/`, `pipeline/` (its `workbook/` layout) |', '', 'Only `pipeline/cli/` imports it.'].join('\n');
    expect(Object.fromEntries(layersInReadme(readme))).toEqual({ outputs: ['outputs', 'pipeline', 'sources'] });
  });

  it('names the files the CLI does not reach', () => {
    expect(unreachable(['pipeline/cli/lsp-monitor.mjs'], edges, tree, ['sources', 'pipeline', 'outputs'])).toEqual(['pipeline/format-nl.ts', 'pipeline/stages/build.ts']);
    expect(unreachable(['pipeline/cli/lsp-monitor.mjs'], edges, tree, ['pipeline/cli'])).toEqual([]);
  });

  it('names an import of a file that is not there', () => {
    const moved = [{ path: 'pipeline/a.ts', text: "import { b } from './gone.ts';\n" }];
    expect(unresolved(moved.flatMap(importsOf), moved, () => false)).toEqual(['pipeline/a.ts:1 imports ./gone.ts, which does not exist']);
  });
});

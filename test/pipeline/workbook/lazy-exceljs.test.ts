/**
 * exceljs is loaded when a workbook is written or read (its Workbook module in the writer and the
 * corrections reader, pipeline/workbook/exceljs-workbook.ts; `(await import('exceljs')).default`
 * in the inventory reader), never with a command's code: in the
 * built dist/, no chunk imports the chunk that holds exceljs statically, only with import(). A
 * static `import ExcelJS from 'exceljs'` anywhere in the runtime tree puts it in a static import.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not with import(). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s+)"\.\/([^"]+\.js)"/g)].map((match) => match[1]!);
}

/**
 * Each chunk that imports a chunk holding `name` statically, as `importer -> chunk`; not the
 * package's own chunks, which import each other (the module the writer loads, its Workbook, and
 * the package's entry share their code).
 */
function staticImportsOf(name: string, chunks: ReadonlyMap<string, string>, packages: Readonly<Record<string, readonly string[]>>): string[] {
  const holding = new Set(Object.entries(packages).filter(([, held]) => held.includes(name)).map(([chunk]) => chunk));
  return [...chunks]
    .filter(([chunk]) => !holding.has(chunk))
    .flatMap(([chunk, code]) => staticImports(code).filter((target) => holding.has(target)).map((target) => `${chunk} -> ${target}`));
}

describe('exceljs in the built command line', () => {
  let chunks: Map<string, string>;
  let packages: Record<string, string[]>;

  beforeAll(() => {
    // The bin builds dist/ again when a source is newer than it.
    const version = spawnSync(process.execPath, [join(ROOT, 'pipeline/cli/lsp-monitor.mjs'), '--version'], { encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    packages = z.object({ packages: z.record(z.string(), z.array(z.string())) }).parse(JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8'))).packages;
    chunks = new Map(readdirSync(DIST).filter((file) => file.endsWith('.js')).map((file) => [file, readFileSync(join(DIST, file), 'utf8')]));
  });

  it('is bundled, and loaded only through import()', () => {
    expect(Object.values(packages).some((held) => held.includes('exceljs'))).toBe(true);
    expect(staticImportsOf('exceljs', chunks, packages)).toEqual([]);
    expect([...chunks.values()].some((code) => Object.entries(packages).some(([chunk, held]) => held.includes('exceljs') && code.includes(`import("./${chunk}")`)))).toBe(true);
  });

  it('the check sees a static import and passes a dynamic one (so the test above can fail)', () => {
    const built = new Map([
      ['a.js', 'import {\n  x\n} from "./chunk-X.js";\nimport "./chunk-S.js";\nconst y = await import("./chunk-D.js");\n'],
      ['b.js', 'const { Workbook } = (await import("./chunk-X.js")).default;\n'],
      // exceljs's own chunks import each other: not a static import of exceljs by the command's code
      ['chunk-D.js', 'import "./chunk-S.js";\nexport default require_workbook();\n'],
    ]);
    expect(staticImportsOf('exceljs', built, { 'chunk-X.js': ['exceljs'], 'chunk-S.js': ['exceljs', 'jszip'], 'chunk-D.js': ['exceljs'] })).toEqual([
      'a.js -> chunk-X.js',
      'a.js -> chunk-S.js',
    ]);
  });
});

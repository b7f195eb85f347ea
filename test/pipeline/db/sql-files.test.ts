/**
 * SQL in `.sql` files (issue 14 §2): every file a module names through `sql('…')` exists, every
 * `.sql` file is named by some module (no orphans), and names are literals so this can be checked.
 * Migrations are found by listing their folder and are not named one by one.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql, sqlDirectory } from '../../../pipeline/db/sql-file.ts';
import { MonitorError } from '../../../sources/errors.ts';

interface SqlCheck {
  missing: string[];
  orphans: string[];
  notLiteral: string[];
}

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

const LOADER_IMPORT = /from '[./]*(?:db\/)?sql-file\.ts'/;
const CALL = /\bsql\(([^)]*)\)/g;
const LITERAL = /^\s*'([^'\n]+\.sql)'\s*$/;

/** Compares the `sql('…')` calls in the TypeScript under `root` with the `.sql` files there. */
function checkSqlFiles(root: string): SqlCheck {
  const named = new Set<string>();
  const notLiteral: string[] = [];
  for (const file of filesUnder(root, '.ts')) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!LOADER_IMPORT.test(text)) continue;
    for (const [call, argument] of text.matchAll(CALL)) {
      const literal = LITERAL.exec(argument ?? '');
      if (literal) named.add(literal[1]!);
      else if (!/^\s*path\s*:\s*string\s*$/.test(argument ?? '')) notLiteral.push(`${file}: ${call}`);
    }
  }
  const present = new Set(filesUnder(root, '.sql').filter((file) => !file.startsWith('db/migrations/')));
  return {
    missing: [...named].filter((file) => !present.has(file)).sort(),
    orphans: [...present].filter((file) => !named.has(file)).sort(),
    notLiteral,
  };
}

describe('SQL files', () => {
  it('every .sql file named in pipeline/ exists, every one is named, and names are literals', () => {
    const root = sqlDirectory();
    expect(relative(process.cwd(), root).split(sep).join('/')).toBe('pipeline');
    expect(checkSqlFiles(root)).toEqual({ missing: [], orphans: [], notLiteral: [] });
  });

  it('the check finds a missing file, an orphan and a computed name', () => {
    const root = mkdtempSync(join(tmpdir(), 'sql-files-'));
    mkdirSync(join(root, 'stages', 'coverage'), { recursive: true });
    mkdirSync(join(root, 'db', 'migrations'), { recursive: true });
    writeFileSync(join(root, 'db', 'migrations', '006-baseline.sql'), 'CREATE TABLE t (a INTEGER);');
    writeFileSync(join(root, 'stages', 'coverage', 'desired.sql'), 'SELECT 1');
    writeFileSync(join(root, 'stages', 'coverage', 'left-over.sql'), 'SELECT 2');
    writeFileSync(
      join(root, 'stages', 'coverage.ts'),
      [
        "import { sql } from './sql-file.ts';",
        "const DESIRED = sql('stages/coverage/desired.sql');",
        "const GONE = sql('stages/coverage/gone.sql');",
        'const COMPUTED = sql(`stages/${name}.sql`);',
      ].join('\n'),
    );
    expect(checkSqlFiles(root)).toEqual({
      missing: ['stages/coverage/gone.sql'],
      orphans: ['stages/coverage/left-over.sql'],
      notLiteral: ['stages/coverage.ts: sql(`stages/${name}.sql`)'],
    });
  });

  it('a missing .sql file fails at load with a Dutch message naming it', () => {
    expect(() => sql('stages/does-not-exist.sql')).toThrow(MonitorError);
    expect(() => sql('stages/does-not-exist.sql')).toThrow('SQL-bestand pipeline/stages/does-not-exist.sql ontbreekt');
  });
});

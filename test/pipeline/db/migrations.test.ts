/**
 * Numbered migrations (issue 11, observation 9): a version-6 database made before migrations is
 * recognised and upgraded in place after a copy, keeping what people supplied; a newer, older or
 * foreign database is refused with advice that never says delete, and left byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { latestSchemaVersion, loadMigrations, type Migration } from '../../../pipeline/db/schema.ts';
import { runCli, scratchDir } from '../../helpers/cli.ts';

const V6_SCHEMA = readFileSync(fileURLToPath(new URL('../../fixtures/db/v6-schema.sql', import.meta.url)), 'utf8');
const LATEST = latestSchemaVersion();
const CLI = fileURLToPath(new URL('../../../pipeline/cli/lsp-monitor.mjs', import.meta.url));

/** What people supplied, in a v6 database: imports, rejects, survey answers, corrections, verdicts, EPA shares. */
const V6_DATA = `
INSERT INTO import_batch VALUES
  (2024, 'galan2024', 'inventaris-galan-2024.csv', '9f2c6a0d1b7e4c3a8f5d2e1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c', 'csv', 3, 2, 1, '2026-11-20 09:15:00'),
  (2024, 'regio-oost', 'regio oost.xlsx', '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9', 'xlsx', 1, 1, 0, '2026-11-21 10:00:00');
INSERT INTO inventory_record VALUES
  (2024, 'galan2024', 2, 'Herstelcafé Deventer', 'Dimence', 'Brink 12', '7411 BT', 'Deventer', 'Deventer', NULL, 'Salland',
   NULL, NULL, NULL, 'actief', NULL, NULL, NULL, 'GM0150', 'Deventer', 'Overijssel', 'Salland', 'postcode', NULL),
  (2024, 'galan2024', 3, 'Inloop Hengelo', NULL, NULL, NULL, 'Hengelo', 'Hengelo (O.)', NULL, 'Twente',
   3, NULL, NULL, 'actief', NULL, NULL, '{"herkomst":"regel 3"}', 'GM0164', 'Hengelo', 'Overijssel', 'Twente', 'gemeente', NULL),
  (2024, 'regio-oost', 2, 'Stadskamer ‘s-Heerenberg', NULL, NULL, NULL, 's-Heerenberg', 'Montferland', NULL, NULL,
   NULL, 40, 'klein', 'actief', 'https://example.org', NULL, NULL, 'GM1955', 'Montferland', 'Gelderland', 'Achterhoek', 'gemeente', NULL);
INSERT INTO reject VALUES (2024, 'galan2024', 'inventaris-galan-2024.csv', 4, 'gemeente', 'gemeente ''Atlantis'' bestaat niet');
INSERT INTO survey_answer VALUES
  (2024, 'survey', 'zelfevaluatie 2024.xlsx', 'rij 2', 'L-0001', 'Herstelcafé Deventer', 'Deventer', 1, 'ja'),
  (2024, 'survey', 'zelfevaluatie 2024.xlsx', 'rij 2', 'L-0001', 'Herstelcafé Deventer', 'Deventer', 2, 'in enige mate');
INSERT INTO correction_file VALUES (2024, 'overzicht 2024 werkgroep.xlsx', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', '2026-11-22 14:30:00', 2);
INSERT INTO correction VALUES
  (2024, 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', 1, 'change', 'L-0001', 'grootte', 'onbekend', 'groot', NULL, NULL, 'Locaties', 5),
  (2024, 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', 2, 'review-decision', NULL, NULL, NULL, NULL, 'P-0003', 'verschillend', 'Te beoordelen', 3);
INSERT INTO match_verdict VALUES ('f-a1', 'f-b2', 'verschillend', 'overzicht 2024 werkgroep.xlsx', '2026-11-22 14:30:00');
INSERT INTO epa_municipality VALUES (2023, 'GM0150', 1.9, 'DEVENTER', 'vektis-epa-2023.csv');
INSERT INTO location_member VALUES
  (2024, 'LSP-0c1d2e3f4a', 'galan2024', 3, 'galan2024|inloophengelo|GM0164', 'locatie'),
  (2024, 'LSP-5b6c7d8e9f', 'galan2024', 2, 'galan2024|herstelcafedeventer|GM0150', 'locatie');
INSERT INTO match_pair VALUES
  (2024, 'binnen jaar', 'PAAR-0a1b2c3d4e', 'galan2024:2', 'regio-oost:2', 'galan2024|herstelcafedeventer|GM0150',
   'regio-oost|stadskamersheerenberg|GM1955', 'LSP-5b6c7d8e9f', 'LSP-9a8b7c6d5e', 'Herstelcafé Deventer', 'Stadskamer ‘s-Heerenberg',
   'Deventer', 's-Heerenberg', 0.41, 'andere gemeente', 'verschillend');
`;

async function withRawDuckDb<T>(path: string, work: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function makeDatabase(sql: string): Promise<string> {
  const path = join(scratchDir(), 'monitor.duckdb');
  await withRawDuckDb(path, async (run) => {
    await run(sql);
  });
  return path;
}

const SCHEMA_QUERY = `SELECT table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns()
  WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index`;
const CONSTRAINT_QUERY = `SELECT table_name, constraint_type, constraint_column_names::VARCHAR AS columns FROM duckdb_constraints()
  WHERE database_name = current_database() AND schema_name = 'main' ORDER BY ALL`;
const V6_TABLES = [...V6_SCHEMA.matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((match) => match[1]!);

async function contents(path: string): Promise<Record<string, Record<string, unknown>[]>> {
  return withRawDuckDb(path, async (run) => {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const table of V6_TABLES.filter((name) => name !== 'meta')) tables[table] = await run(`SELECT * FROM ${table} ORDER BY ALL`);
    return tables;
  });
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('numbered migrations', () => {
  it('are found by listing the folder, from the baseline 006 up', () => {
    const migrations = loadMigrations();
    expect(migrations[0]).toMatchObject({ version: 6, file: '006-baseline.sql' });
    expect(LATEST).toBeGreaterThanOrEqual(7);
  });

  it('migration 006 alone creates exactly the version-6 schema of lsp-monitor before migrations', async () => {
    const baseline = loadMigrations().find((migration) => migration.version === 6)!;
    const viaMigration = await withRawDuckDb(':memory:', async (run) => {
      await run(baseline.sql);
      return [await run(SCHEMA_QUERY), await run(CONSTRAINT_QUERY)];
    });
    const asBefore = await withRawDuckDb(':memory:', async (run) => {
      await run(V6_SCHEMA);
      return [await run(SCHEMA_QUERY), await run(CONSTRAINT_QUERY)];
    });
    expect(viaMigration).toEqual(asBefore);
    expect(viaMigration[0]!.length).toBeGreaterThan(200);
  });

  it('leaves the build tables and inventory_record without a PRIMARY KEY (the build and the import check them) and every other table as it was', async () => {
    const keyless = ['location', 'location_member', 'match_pair', 'inventory_record', 'coverage', 'coverage_target', 'accessibility', 'reach', 'white_spot'];
    const constraints = async (migrations: readonly Migration[]) =>
      withRawDuckDb(':memory:', async (run) => {
        for (const migration of migrations) await run(migration.sql);
        return run(CONSTRAINT_QUERY);
      });
    const before = await constraints(loadMigrations().filter((migration) => migration.version < 10));
    const after = await constraints(loadMigrations());
    const isKeyOf = (tables: readonly string[]) => (row: Record<string, unknown>) =>
      tables.includes(String(row['table_name'])) && row['constraint_type'] === 'PRIMARY KEY';
    expect(before.filter(isKeyOf(keyless))).toHaveLength(keyless.length);
    expect(after.filter(isKeyOf(keyless))).toEqual([]);
    // The NOT NULLs stay, the other tables' keys too.
    expect(after).toEqual(before.filter((row) => !isKeyOf(keyless)(row)));
  });

  it.each([
    { version: 10, keyless: ['location', 'location_member', 'match_pair'] },
    { version: 11, keyless: ['inventory_record'] },
    { version: 12, keyless: ['coverage', 'coverage_target', 'accessibility', 'reach', 'white_spot'] },
  ])('migration $version copies every column of $keyless to its own place (a distinct value in each), rows in their order', async ({ version, keyless }) => {
    const rowsOf = (run: (sql: string) => Promise<Record<string, unknown>[]>) =>
      Promise.all(keyless.map((table) => run(`SELECT * FROM ${table} ORDER BY rowid`)));
    const [before, after] = await withRawDuckDb(':memory:', async (run) => {
      for (const migration of loadMigrations().filter((migration) => migration.version < version)) await run(migration.sql);
      for (const table of keyless) {
        const columns = await run(`SELECT data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);
        const values = columns.map(({ data_type }, index) => (data_type === 'VARCHAR' ? `'${table}-${index}'` : String(index + (data_type === 'DOUBLE' ? 0.5 : 0))));
        // The second row sorts before the first, so a copy in sorted rather than stored order shows.
        await run(`INSERT INTO ${table} VALUES (${values.join(', ')}), (${values.map((value) => (value.startsWith("'") ? value.replace(/^'/, "'0") : value)).join(', ')})`);
      }
      const copied = await rowsOf(run);
      await run(loadMigrations().find((migration) => migration.version === version)!.sql);
      return [copied, await rowsOf(run)];
    });
    expect(before.map((rows) => rows.length)).toEqual(keyless.map(() => 2));
    expect(after).toEqual(before);
  });

  it('a new database gets every migration and the newest version', async () => {
    const path = join(scratchDir(), 'nieuw.duckdb');
    const database = await MonitorDatabase.open(path, { notify: () => expect.unreachable('a new database is not an upgrade') });
    try {
      expect(await database.getMeta('schema_version')).toBe(String(LATEST));
    } finally {
      await database.close();
    }
    expect(existsSync(`${path}.v6.bak`)).toBe(false);
  });

  it('upgrades a version-6 database in place after a copy, keeping imports, corrections, verdicts and survey answers', async () => {
    const path = await makeDatabase(V6_SCHEMA + V6_DATA);
    const before = await contents(path);
    const notices: string[] = [];
    const database = await MonitorDatabase.open(path, { notify: (line) => notices.push(line) });
    try {
      expect(await database.getMeta('schema_version')).toBe(String(LATEST));
    } finally {
      await database.close();
    }
    expect(notices).toEqual([
      `database monitor.duckdb bijgewerkt van schemaversie 6 naar ${LATEST}; het oude bestand staat ongewijzigd in ${path}.v6.bak`,
    ]);
    expect(before['inventory_record']).toHaveLength(3);
    expect(await contents(path)).toEqual(before);
    expect(await contents(`${path}.v6.bak`)).toEqual(before);
    expect(await withRawDuckDb(`${path}.v6.bak`, (run) => run("SELECT value FROM meta WHERE key = 'schema_version'"))).toEqual([{ value: '6' }]);

    // Opened again: nothing to do, no second copy.
    const again = await MonitorDatabase.open(path, { notify: (line) => notices.push(line) });
    await again.close();
    expect(notices).toHaveLength(1);
  });

  it('tells the person running lsp-monitor about the upgrade and the copy, and the command then works on the upgraded file', async () => {
    const path = await makeDatabase(V6_SCHEMA + V6_DATA);
    const result = spawnSync(process.execPath, [CLI, 'imports', '--year', '2024', '--db', path], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(`database monitor.duckdb bijgewerkt van schemaversie 6 naar ${LATEST}; het oude bestand staat ongewijzigd in ${path}.v6.bak\n`);
    expect(result.stdout).toContain('  galan2024   inventaris-galan-2024.csv  9f2c6a0d1b7e');
    expect(result.stdout).toContain('  survey  zelfevaluatie 2024.xlsx  2           1            1');
  });

  it('a second upgrade of another version-6 file next to an existing copy never overwrites that copy', async () => {
    const path = await makeDatabase(V6_SCHEMA + V6_DATA);
    writeFileSync(`${path}.v6.bak`, 'een eerdere kopie');
    const notices: string[] = [];
    await (await MonitorDatabase.open(path, { notify: (line) => notices.push(line) })).close();
    expect(readFileSync(`${path}.v6.bak`, 'utf8')).toBe('een eerdere kopie');
    expect(notices[0]).toMatch(/het oude bestand staat ongewijzigd in .*monitor\.duckdb\.v6\.2\.bak$/);
  });

  it('a failing migration leaves the database at its old version with everything in it', async () => {
    const path = await makeDatabase(V6_SCHEMA + V6_DATA);
    const before = await contents(path);
    const broken = [...loadMigrations(), { version: 99, file: '099-kapot.sql', sql: 'CREATE TABLE location (x INTEGER);' }];
    await expect(MonitorDatabase.open(path, { migrations: broken, notify: () => {} })).rejects.toThrow(
      `database monitor.duckdb kon niet worden bijgewerkt van schemaversie 6 naar 99; het bestand is niet veranderd (kopie: ${path}.v6.bak)`,
    );
    expect(await contents(path)).toEqual(before);
    expect(await withRawDuckDb(path, (run) => run("SELECT value FROM meta WHERE key = 'schema_version'"))).toEqual([{ value: '6' }]);
  });

  it.each([
    [
      'a newer',
      `${LATEST + 1}`,
      `fout: database monitor.duckdb heeft schemaversie ${LATEST + 1} en is gemaakt door een nieuwere lsp-monitor (deze versie kent tot en met ${LATEST}); ` +
        'gebruik een nieuwere lsp-monitor, of kies met --db een ander bestand (een nieuw bestand wordt vanzelf aangemaakt); monitor.duckdb is niet veranderd',
    ],
    [
      'an older-than-any-migration',
      '5',
      'fout: database monitor.duckdb heeft schemaversie 5, ouder dan deze lsp-monitor kan bijwerken (vanaf 6); ' +
        'gebruik de lsp-monitor waarmee het is gemaakt, of kies met --db een ander bestand (een nieuw bestand wordt vanzelf aangemaakt); monitor.duckdb is niet veranderd',
    ],
  ])('%s database is refused, never with the advice to delete it, and left untouched', async (_label, version, message) => {
    const path = await makeDatabase(`${V6_SCHEMA + V6_DATA} UPDATE meta SET value = '${version}' WHERE key = 'schema_version';`);
    const before = sha256(path);
    const result = await runCli(['build', '--year', '2024', '--db', path]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: message });
    expect(result.stderr).not.toMatch(/verwijder/i);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}.v${version}.bak`)).toBe(false);
  });

  it('a DuckDB file of another program is refused and left untouched', async () => {
    const path = await makeDatabase("CREATE TABLE klanten (naam VARCHAR); INSERT INTO klanten VALUES ('Jansen');");
    const before = sha256(path);
    const result = await runCli(['build', '--year', '2024', '--db', path]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'fout: database monitor.duckdb is geen database van lsp-monitor (er staat geen schemaversie in); ' +
        'kies met --db een ander bestand (een nieuw bestand wordt vanzelf aangemaakt); monitor.duckdb is niet veranderd',
    });
    expect(sha256(path)).toBe(before);
  });
});

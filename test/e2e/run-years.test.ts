/**
 * `run` reproduces every published year, not only the bundled 2024: a year is bundled by a folder
 * with an inputs.json, and a published year whose inputs are missing stops the run before
 * anything changes instead of being skipped.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { OverviewEditor } from '../pipeline/workbook/edit-overview.ts';
import { readCsv } from '../helpers/csv.ts';

const BUNDLED = fileURLToPath(new URL('../../sources/inventories/', import.meta.url));

/** A 2025 list made from the 2024 one: two steunpunten closed, one opened. */
function list2025(): string {
  const lines = readFileSync(join(BUNDLED, 'galan2024', 'locations.csv'), 'utf8').trimEnd().split('\n');
  const [header, ...rows] = lines;
  const kept = rows.filter((row) => !row.includes('Sociale inloop Feanwâlden') && !row.includes('Praktijkhuis Enschede'));
  expect(kept.length).toBe(rows.length - 2);
  return [header, ...kept, 'Utrecht stad,Inloophuis De Nieuwe Brug,Inloophuis De Nieuwe Brug,Utrecht,Utrecht,'].join('\n') + '\n';
}

/**
 * The files of a reports folder, overzicht.xlsx included (its cached values no longer depend on
 * the database, issue 13). monitor.pdf is not compared: its bytes depend on the Chromium version.
 */
function filesOf(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'monitor.pdf') continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(directory.length)] = readFileSync(path).toString('base64');
  }
  return files;
}

/** The bundled inventories with a 2025 year (mind2025) beside them, copied to `inventories`. */
function inventoriesWith2025(inventories: string): { year: number; title: string; inputs: { source: string; file: string }[] } {
  cpSync(BUNDLED, inventories, { recursive: true, filter: (path) => !path.endsWith('.ts') });
  mkdirSync(join(inventories, 'mind2025'));
  writeFileSync(join(inventories, 'mind2025', 'lijst.csv'), list2025());
  const manifest = { year: 2025, title: 'Lijst 2025 (test)', inputs: [{ source: 'mind2025', file: 'lijst.csv' }] };
  writeFileSync(join(inventories, 'mind2025', 'inputs.json'), JSON.stringify(manifest));
  return manifest;
}

/** The first run of 2024 and 2025 on a fresh database, made once for both blocks below; its reports are read only. */
let first: Promise<{ root: string; inventories: string; reports: string; result: Awaited<ReturnType<typeof runCli>> }> | undefined;
const firstRun = () =>
  (first ??= (async () => {
    const root = scratchDir();
    const inventories = join(root, 'inventories');
    const reports = join(root, 'reports');
    inventoriesWith2025(inventories);
    const result = await runCli(['run', '--inventories', inventories, '--reports', reports, '--db', join(root, 'eerste.duckdb')]);
    return { root, inventories, reports, result };
  })());

describe('run reproduces every published year', () => {
  let root: string;
  let inventories: string;
  let reports: string;
  let firstRunResult: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    ({ root, inventories, reports, result: firstRunResult } = await firstRun());
  });

  it('builds and writes each bundled year', () => {
    expect(firstRunResult.stderr).toBe('');
    expect(firstRunResult.code).toBe(0);
    expect(firstRunResult.stdout).toContain('lijst.csv (bron mind2025, 2025): 277 rijen ingelezen, 0 afgewezen.');
    const in2025 = readCsv(join(reports, '2025', 'nederland.csv'))[0]!;
    expect(in2025['in_beeld']).toBe('277');
    expect(existsSync(join(reports, '2024', 'monitor.md'))).toBe(true);
  });

  it('writes the same bytes for every year from a fresh database', async () => {
    const before = filesOf(reports);
    const again = await runCli(['run', '--inventories', inventories, '--reports', reports, '--db', join(root, 'tweede.duckdb')]);
    expect(again.code).toBe(0);
    const after = filesOf(reports);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after).filter((name) => after[name] !== before[name])).toEqual([]);
    expect(after).toEqual(before);
  });

  it('stops before changing anything when a published year has no inputs', async () => {
    rmSync(join(inventories, 'mind2025'), { recursive: true });
    const before = filesOf(reports);
    const result = await runCli(['run', '--inventories', inventories, '--reports', reports, '--db', join(root, 'derde.duckdb')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `fout: ${reports} bevat de monitor van 2025, maar de invoer van dat jaar ontbreekt: leg de lijst(en) vast in een map ` +
        "onder sources/inventories/ met een inputs.json, of haal de momentopnamen op met 'lsp-monitor fetch --online'; er is niets veranderd",
    );
    expect(filesOf(reports)).toEqual(before);
    expect(existsSync(join(root, 'derde.duckdb'))).toBe(false);
  });

  it('refuses an inputs.json that names a file that is not there', async () => {
    mkdirSync(join(inventories, 'kapot'));
    writeFileSync(join(inventories, 'kapot', 'inputs.json'), JSON.stringify({ year: 2026, title: 't', inputs: [{ source: 'x', file: 'weg.csv' }] }));
    const result = await runCli(['run', '--inventories', inventories, '--reports', join(root, 'leeg'), '--db', join(root, 'vierde.duckdb')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`fout: ${join(inventories, 'kapot', 'inputs.json')} noemt weg.csv, maar dat bestand staat niet in de map`);
  });
});

describe('run takes a bundled year\'s edited overview back in', () => {
  const root = scratchDir();
  const inventories = join(root, 'inventories');
  let rerun: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const manifest = inventoriesWith2025(inventories);
    // The first run of these inputs (the same bytes from any fresh database, tested above).
    const { result: first, reports: firstReports } = await firstRun();
    expect(first.code, first.stderr).toBe(0);

    // The working group sets one size in the 2025 overview; the file is bundled with the year.
    const editor = await OverviewEditor.open(readFileSync(join(firstReports, '2025', 'overzicht.xlsx')));
    const didam = readCsv(join(firstReports, '2025', 'locaties.csv')).find((row) => row['naam'] === 'Dorpskamer Didam')!;
    editor.setLocation(editor.rowOf(didam['location_id']!), 'grootte', 'groot');
    writeFileSync(join(inventories, 'mind2025', 'overzicht-2025.xlsx'), await editor.bytes());
    manifest.inputs.push({ source: 'correcties', file: 'overzicht-2025.xlsx' });
    writeFileSync(join(inventories, 'mind2025', 'inputs.json'), JSON.stringify(manifest));
    rerun = await runCli(['run', '--inventories', inventories, '--reports', join(root, 'daarna'), '--db', join(root, 'daarna.duckdb')]);
  });

  it('applies the corrections before writing the year, from a fresh database', () => {
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('overzicht-2025.xlsx: 1 wijziging(en) overgenomen.');
    const didam = readCsv(join(root, 'daarna', '2025', 'locaties.csv')).find((row) => row['naam'] === 'Dorpskamer Didam')!;
    expect([didam['grootte'], didam['grootte_basis']]).toEqual(['groot', 'opgegeven']);
    const in2024 = readCsv(join(root, 'daarna', '2024', 'locaties.csv')).find((row) => row['naam'] === 'Dorpskamer Didam')!;
    expect(in2024['grootte']).toBe('onbekend');
  });
});

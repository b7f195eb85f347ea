/**
 * The codebook cannot drift: the CSV files a real report folder holds (two built years, so the
 * year-on-year files too) and the panel have an entry for every column they write, and every
 * entry says something.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codebookEntries, codebookExports } from '../../../outputs/csv/codebook.ts';
import { loadConfig } from '../../../pipeline/config/config.ts';
import { runCli, scratchDir } from '../../helpers/cli.ts';
import { readCsv } from '../../helpers/csv.ts';
import { freshDatabase } from '../../helpers/fresh-database.ts';

const seedPath = fileURLToPath(new URL('../../../sources/inventories/galan2024/locations.csv', import.meta.url));
const scratch = scratchDir('lsp-monitor-codebook-');
const db = join(scratch, 'monitor.duckdb');
const config = loadConfig();
const entries = codebookEntries(config);

async function ok(args: string[]) {
  const result = await runCli([...args, '--db', db]);
  expect(result.code, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

/** The header row of a written CSV, with the compared years as the codebook names them. */
function headerOf(path: string, years: readonly number[]): string[] {
  const line = readFileSync(path, 'utf8').split('\n')[0]!;
  return line.split(',').map((column) => column.replaceAll(String(years[0]), '<jaar1>').replaceAll(String(years[1]), '<jaar2>'));
}

const missing = (file: string, columns: readonly string[]) =>
  columns.filter((column) => !entries.some((entry) => entry.file === file && entry.column === column)).map((column) => `${file}: ${column}`);

describe('codebook', () => {
  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
    const lines = readFileSync(seedPath, 'utf8').split('\n');
    writeFileSync(join(scratch, 'lijst-2024.csv'), `${lines.slice(0, 21).join('\n')}\n`);
    writeFileSync(join(scratch, 'lijst-2025.csv'), `${[lines[0], ...lines.slice(3, 25)].join('\n')}\n`);
    await ok(['import', join(scratch, 'lijst-2024.csv'), '--year', '2024']);
    await ok(['build', '--year', '2024']);
    await ok(['import', join(scratch, 'lijst-2025.csv'), '--year', '2025']);
    await ok(['build', '--year', '2025']);
    await ok(['report', '--year', '2025', '--out', join(scratch, 'report')]);
    await ok(['panel', '--out', join(scratch, 'panel')]);
  });

  it('has an entry for every column of every CSV file a report writes', () => {
    // codebook.csv is the codebook itself (its columns are explained at the top of codebook.md).
    const files = readdirSync(join(scratch, 'report')).filter((name) => name.endsWith('.csv') && name !== 'codebook.csv');
    expect(files).toEqual(expect.arrayContaining(['locaties.csv', 'gemeenten.csv', 'verschillen.csv', 'verschillen-per-regio.csv']));
    const gaps = files.flatMap((file) => missing(file, headerOf(join(scratch, 'report', file), [2024, 2025])));
    expect(gaps).toEqual([]);
  });

  it('has an entry for every column of the panel, in its order', () => {
    const header = headerOf(join(scratch, 'panel/panel.csv'), []);
    expect(entries.filter((entry) => entry.file === 'panel.csv').map((entry) => entry.column)).toEqual(header);
  });

  it('finds a column that has no entry', () => {
    expect(missing('locaties.csv', ['naam', 'telefoon'])).toEqual(['locaties.csv: telefoon']);
  });

  it('gives each column once, with a type and a meaning', () => {
    const keys = entries.map((entry) => `${entry.file}|${entry.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of entries) {
      expect(entry.meaning.length, `${entry.file}: ${entry.column}`).toBeGreaterThan(3);
      expect(['tekst', 'geheel getal', 'getal']).toContain(entry.type.split(',')[0]);
    }
  });

  it('follows the configured participation levels and distance bands', () => {
    const other = codebookEntries({ participationPct: [20], distance: { thresholdsKm: [7] } });
    const columns = other.filter((entry) => entry.file === 'gemeenten.csv' || entry.file === 'afstand.csv').map((entry) => entry.column);
    expect(columns).toEqual(expect.arrayContaining(['gewenst_20', 'tekort_20', 'dekking_20_pct', 'inwoners_binnen_7km']));
    expect(columns).not.toContain('gewenst_15');
  });

  it('writes codebook.csv with the entries and codebook.md with a table per file', () => {
    const panelCodebook = readCsv(join(scratch, 'panel/codebook.csv'));
    expect(panelCodebook).toHaveLength(entries.length);
    expect(panelCodebook.find((row) => row['bestand'] === 'locaties.csv' && row['kolom'] === 'status')).toEqual({
      bestand: 'locaties.csv', kolom: 'status', type: 'tekst', eenheid: '', betekenis: 'status van het steunpunt: actief is in beeld; potentieel, gesloten en uitgesloten tellen niet mee',
      waarden: 'actief | potentieel | gesloten | uitgesloten',
    });
    const markdown = codebookExports(config).find((file) => file.name === 'codebook.md')!.content;
    expect(markdown).toContain('## verschillen-per-regio.csv');
    expect(markdown).toContain('| `gewicht` | getal, 1 decimaal | steunpunten |');
    expect(markdown).toBe(readFileSync(join(scratch, 'panel/codebook.md'), 'utf8'));
  });
});

/**
 * Stable identities across years: a 2025 list made from the 2024 one with renames, closures,
 * additions and municipalities written by their post-merger names gives exactly the expected
 * new / gone / changed sets, renamed locations keep their ids, and rebuilding changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { writeReportTables } from '../helpers/report-tables.ts';
import { readCsv } from '../helpers/csv.ts';
import { numbersNotInExports } from '../helpers/report-numbers.ts';

const seedPath = fileURLToPath(new URL('../../sources/inventories/galan2024/locations.csv', import.meta.url));
const seed = Papa.parse<Record<string, string>>(readFileSync(seedPath, 'utf8'), { header: true, skipEmptyLines: true }).data;

const RENAMES: Record<number, string> = {
  46: 'Herstelhuis Apeldoorn', // Korak's only location in Apeldoorn
  59: 'Steunpunt Almere Stad', // STIP Almere of Cliënten Perspectief
  75: 'Inloop Het Anker Harlingen', // Stjoer's only location in Harlingen
};
const SPELLING: Record<number, string> = {};
const MERGED_NAMES: Record<number, string> = { 93: 'Westerkwartier', 94: 'Het Hogeland', 95: 'Westerkwartier' };
const REMOVED = new Set([10, 11, 12, 13, 14]);
const CLOSED = new Set([20, 21]);
const ADDED = [
  ['Herstelcafé Assen', 'Assen', 'Assen'],
  ['Inloop De Brug', 'Terneuzen', 'Terneuzen'],
  ['Zelfregiecentrum Dronten', 'Dronten', 'Dronten'],
  ['Herstelpunt Barneveld', 'Barneveld', 'Barneveld'],
  ['Ervaringsplek Hardenberg', 'Hardenberg', 'Hardenberg'],
  ['Steunpunt Oldambt', 'Winschoten', 'Oldambt'],
  ['Herstelhuis Coevorden', 'Coevorden', 'Coevorden'],
  ['Inloop Goeree', 'Middelharnis', 'Goeree-Overflakkee'],
  ['Recovery Café Voorne', 'Brielle', 'Voorne aan Zee'],
  ['Herstelacademie Sneek', 'Sneek', 'Súdwest-Fryslân'],
];

function inventory2025(): string {
  const molenwijk = seed.findIndex((row) => row['location_name'] === 'EDplaats Noord Molenwijk');
  SPELLING[molenwijk] = 'ED-plaats Noord Molenwijk';
  const rows = seed.flatMap((row, index) => {
    if (REMOVED.has(index)) return [];
    return [{
      naam: RENAMES[index] ?? SPELLING[index] ?? row['location_name'],
      organisatie: row['organisation'],
      plaats: row['city'],
      gemeente: MERGED_NAMES[index] ?? row['municipality_as_written'],
      iza_regio: row['iza_region'],
      status: CLOSED.has(index) ? 'gesloten' : 'actief',
    }];
  });
  for (const [naam, plaats, gemeente] of ADDED) rows.push({ naam: naam!, organisatie: '', plaats: plaats!, gemeente: gemeente!, iza_regio: '', status: 'actief' });
  return Papa.unparse(rows, { newline: '\n' });
}

describe('locations keep their identity from 2024 to 2025', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let ids2024: Map<string, string>;
  let changes: Record<string, string>[];
  let summary: string;

  beforeAll(async () => {
    const file = join(scratch, 'inventaris-2025.csv');
    writeFileSync(file, inventory2025());
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, copied.
    const shared = await monitor2024();
    expect(shared.run.stderr).toBe('');
    expect(shared.run.code).toBe(0);
    await monitor2024Database(scratch);
    const steps = [
      ['import', file, '--year', '2025', '--db', db],
      ['build', '--year', '2025', '--db', db],
      ['report', '--year', '2025', '--out', join(scratch, 'r2025'), '--db', db],
    ];
    for (const args of steps) {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const diff = await runCli(['diff', '2024', '2025', '--out', join(scratch, 'diff'), '--db', db]);
    expect(diff.code).toBe(0);
    summary = diff.stdout.split('\n')[0]!;
    changes = readCsv(join(scratch, 'diff/verschillen.csv'));
    ids2024 = new Map(readCsv(join(shared.reports, '2024/locaties.csv')).map((row) => [row['bronnen']!, row['location_id']!]));
  });

  const idOfSeedRow = (index: number) => ids2024.get(`galan2024:${index + 2}`);
  const ofKind = (kind: string) => changes.filter((row) => row['verandering'] === kind);

  it('finds exactly the added locations as new', () => {
    expect(ofKind('nieuw').map((row) => row['naam']).sort()).toEqual(ADDED.map(([naam]) => naam).sort());
  });

  it('finds exactly the removed and closed locations as no longer in view, with the reason', () => {
    const gone = ofKind('niet meer in beeld');
    expect(gone.map((row) => row['location_id']).sort()).toEqual([...REMOVED, ...CLOSED].map(idOfSeedRow).sort());
    for (const index of CLOSED) {
      expect(gone.find((row) => row['location_id'] === idOfSeedRow(index))?.['toelichting']).toMatch(/^gesloten volgens inventaris-2025:\d+$/);
    }
    for (const index of REMOVED) {
      expect(gone.find((row) => row['location_id'] === idOfSeedRow(index))?.['toelichting']).toBe('niet meer genoemd door de bronnen');
    }
  });

  it('keeps the id of renamed locations and reports the rename', () => {
    for (const [index, name] of Object.entries(RENAMES)) {
      const row = changes.find((change) => change['location_id'] === idOfSeedRow(Number(index)));
      expect(row, name).toMatchObject({ naam: name, verandering: 'gewijzigd' });
      expect(row?.['toelichting']).toContain(`naam: ${seed[Number(index)]!['location_name']} → ${name}`);
    }
  });

  it('keeps the id when a municipality is written by its name after the merger', () => {
    for (const index of Object.keys(MERGED_NAMES).map(Number)) {
      expect(changes.find((change) => change['location_id'] === idOfSeedRow(index))?.['verandering']).toBe('ongewijzigd');
    }
  });

  it('counts the rest as unchanged or changed in name only, and sums up in Dutch', () => {
    const changed = ofKind('gewijzigd');
    expect(changed).toHaveLength(Object.keys(RENAMES).length + 1);
    expect(ofKind('ongewijzigd')).toHaveLength(278 - REMOVED.size - CLOSED.size - changed.length);
    expect(summary).toBe('281 steunpunten, +3 (+1,1%) ten opzichte van 2024 (10 nieuw, 7 niet meer in beeld, 4 gewijzigd).');
  });

  it('writes a 2025 report whose every number is in its exports, including the year-on-year changes', () => {
    expect(numbersNotInExports(join(scratch, 'r2025'))).toEqual([]);
    expect(readFileSync(join(scratch, 'r2025', 'monitor.md'), 'utf8')).toContain('## Jaar-op-jaar\n\nTen opzichte van 2024: 10 steunpunten nieuw in beeld, 7 niet meer in beeld, 4 gewijzigd');
  });

  it('changes no id and no figure when the year is built again', async () => {
    const before = ['locaties.csv', 'provincies.csv', 'gemeenten.csv'].map((name) => readFileSync(join(scratch, 'r2025', name), 'utf8'));
    expect((await runCli(['build', '--year', '2025', '--db', db])).code).toBe(0);
    // The tables as the report writes them (the same exports after the same freshness check): the
    // whole report of this year was written and checked above, and only these three are compared.
    await writeReportTables(db, 2025, join(scratch, 'again'));
    const after = ['locaties.csv', 'provincies.csv', 'gemeenten.csv'].map((name) => readFileSync(join(scratch, 'again', name), 'utf8'));
    expect(after).toEqual(before);
  });
});

/**
 * A steunpunt whose list names the wrong municipality keeps its identity between years.
 * The 2024 list says "Sociale inloop Feanwâlden, gemeente Dantumadiel"; the PC4 table puts
 * Feanwâlden (PC4 9269) in Tytsjerksteradiel. A 2025 list made from the 2024 one gives its
 * postcode, so 2025 resolves it by the postcode and 2024 by the written municipality. With renames,
 * closures and additions (one of them a Stjoer inloop in the neighbouring village across the
 * border), the diff gives exactly the true new / gone sets, and both years flag the place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { readCsv } from '../helpers/csv.ts';

const seedPath = fileURLToPath(new URL('../../sources/inventories/galan2024/locations.csv', import.meta.url));
const seed = Papa.parse<Record<string, string>>(readFileSync(seedPath, 'utf8'), { header: true, skipEmptyLines: true }).data;
const seedIndex = (name: string) => {
  const index = seed.findIndex((row) => row['location_name'] === name);
  if (index < 0) throw new Error(`${name} not in the 2024 inventory`);
  return index;
};

const FEANWALDEN = seedIndex('Sociale inloop Feanwâlden');
const RENAMES = new Map([
  [seedIndex('Sociale inloop Harlingen'), 'Inloop Het Anker Harlingen'], // Stjoer's only location in Harlingen
  [seedIndex('Sociale inloop Ureterp'), 'Sociale inloop Ureterp (De Skâns)'],
]);
const REMOVED = new Set([seedIndex('Sociale inloop Holwerd'), seedIndex('Dorpskamer Didam')]);
const CLOSED = new Set([seedIndex('Sociale inloop Kollum')]);
const ADDED = [
  { naam: 'Sociale inloop Feanwâlsterwâl', organisatie: 'Stjoer', plaats: 'Feanwâlsterwâl', gemeente: 'Tytsjerksteradiel', iza_regio: 'Friesland' },
  { naam: 'Herstelcafé Assen', organisatie: '', plaats: 'Assen', gemeente: 'Assen', iza_regio: '' },
];

function inventory2025(): string {
  const rows = seed.flatMap((row, index) => {
    if (REMOVED.has(index)) return [];
    return [{
      naam: RENAMES.get(index) ?? row['location_name']!,
      organisatie: row['organisation']!,
      postcode: index === FEANWALDEN ? '9269 TA' : '',
      plaats: row['city']!,
      gemeente: row['municipality_as_written']!,
      iza_regio: row['iza_region']!,
      status: CLOSED.has(index) ? 'gesloten' : 'actief',
    }];
  });
  for (const added of ADDED) rows.push({ ...added, postcode: '', status: 'actief' });
  return Papa.unparse(rows, { newline: '\r\n' });
}

describe('a place resolved differently than its written municipality keeps its identity', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let ids2024: Map<string, string>;
  let locations2024: Record<string, string>[];
  let locations2025: Record<string, string>[];
  let changes: Record<string, string>[];
  let summary: string;

  beforeAll(async () => {
    const file = join(scratch, 'inventaris 2025.csv');
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
    locations2024 = readCsv(join(shared.reports, '2024/locaties.csv'));
    locations2025 = readCsv(join(scratch, 'r2025/locaties.csv'));
    ids2024 = new Map(locations2024.map((row) => [row['bronnen']!, row['location_id']!]));
  }, 120_000);

  const idOfSeedRow = (index: number) => ids2024.get(`galan2024:${index + 2}`);
  const ofKind = (kind: string) => changes.filter((row) => row['verandering'] === kind);

  it('resolves the two years to different municipalities, as their evidence says', () => {
    const id = idOfSeedRow(FEANWALDEN);
    expect(locations2024.find((row) => row['location_id'] === id)?.['gemeente']).toBe('Dantumadiel');
    expect(locations2025.find((row) => row['location_id'] === id)?.['gemeente']).toBe('Tytsjerksteradiel');
  });

  it('finds exactly the added locations as new, the neighbouring village included', () => {
    expect(ofKind('nieuw').map((row) => row['naam']).sort()).toEqual(ADDED.map((row) => row.naam).sort());
  });

  it('finds exactly the removed and closed locations as no longer in view', () => {
    expect(ofKind('niet meer in beeld').map((row) => row['location_id']).sort()).toEqual([...REMOVED, ...CLOSED].map(idOfSeedRow).sort());
  });

  it('reports Feanwâlden as changed in municipality and the renames as changed in name, nothing else', () => {
    const changed = new Map(ofKind('gewijzigd').map((row) => [row['location_id'], row['toelichting']]));
    expect([...changed.keys()].sort()).toEqual([FEANWALDEN, ...RENAMES.keys()].map(idOfSeedRow).sort());
    expect(changed.get(idOfSeedRow(FEANWALDEN))).toContain('GM1891 → GM0737');
    expect(summary).toMatch(/^277 steunpunten, −1 .* \(2 nieuw, 3 niet meer in beeld, 3 gewijzigd\)\.$/);
  });

  it('flags the place outside its written municipality in both years, with place, written and actual municipality', () => {
    const id = idOfSeedRow(FEANWALDEN);
    expect(locations2024.find((row) => row['location_id'] === id)?.['signalen']).toContain(
      'plaats ligt niet in gemeente: Feanwâlden ligt in Tytsjerksteradiel, niet in de opgegeven gemeente Dantumadiel',
    );
    const flags2025 = locations2025.find((row) => row['location_id'] === id)?.['signalen'];
    expect(flags2025).toContain('plaats ligt niet in gemeente: Feanwâlden ligt in Tytsjerksteradiel, niet in de opgegeven gemeente Dantumadiel');
    expect(flags2025).toContain('plaats ligt niet in gemeente: postcode 9269 TA ligt in Tytsjerksteradiel, niet in de opgegeven gemeente Dantumadiel');
    const flagged = locations2025.filter((row) => row['signalen']?.includes('plaats ligt niet in gemeente'));
    expect(flagged.map((row) => row['location_id'])).toEqual([id]);
  });
});

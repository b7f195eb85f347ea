/**
 * The report's own weighting examples (De Galan 2024, §2.4.2), through import, build and report:
 * Noord-Holland 32 small + 8 medium + 12 large -> 48; Utrecht 10 large + 4 small -> 22.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

const rows = (count: number, municipality: string, size: string, extra = '') =>
  Array.from({ length: count }, (_, index) => `Steunpunt ${municipality} ${size} ${index + 1},${municipality},${size}${extra}`);

describe('weighting by size class', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let provinces: Map<string | undefined, Record<string, string>>;
  let locations: Record<string, string>[];

  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
    const inventory = join(scratch, 'inventaris.csv');
    writeFileSync(
      inventory,
      [
        'naam,gemeente,grootte,bezoekers_per_week,dagdelen_per_week',
        ...rows(32, 'Haarlem', 'klein', ',,'),
        ...rows(8, 'Alkmaar', 'middelgroot', ',,'),
        ...rows(12, 'Amsterdam', 'groot', ',,'),
        ...rows(10, 'Utrecht', 'groot', ',,'),
        ...rows(4, 'Zeist', 'klein', ',,'),
        'Inloop Middelburg,Middelburg (Z.),,40,',
        'Inloop Vlissingen,Vlissingen,,120,',
        'Inloop Goes,Goes,,,8',
        'Inloop Terneuzen,Terneuzen,,,3',
        'Inloop Hulst,Hulst,,,5',
        'Inloop Sluis,Sluis,,,',
      ].join('\n'),
    );
    for (const args of [
      ['import', inventory, '--year', '2025', '--db', db],
      ['build', '--year', '2025', '--db', db],
      ['report', '--year', '2025', '--out', join(scratch, 'out'), '--db', db],
    ]) {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    provinces = new Map(readCsv(join(scratch, 'out/provincies.csv')).map((row) => [row['provincie'], row]));
    locations = readCsv(join(scratch, 'out/locaties.csv'));
  });

  it('counts Noord-Holland 32 small + 8 medium + 12 large as 48', () => {
    expect(provinces.get('Noord-Holland')).toMatchObject({ in_beeld: '52', gewogen: '48.0' });
  });

  it('counts Utrecht 10 large + 4 small as 22', () => {
    expect(provinces.get('Utrecht')).toMatchObject({ in_beeld: '14', gewogen: '22.0' });
  });

  it('classifies by visitors, else dagdelen, else unknown (weight 1, flagged)', () => {
    const byName = new Map(locations.map((row) => [row['naam'], row]));
    expect(byName.get('Inloop Middelburg')).toMatchObject({ grootte: 'klein', grootte_basis: 'bezoekers', gewicht: '0.5' });
    expect(byName.get('Inloop Vlissingen')).toMatchObject({ grootte: 'groot', grootte_basis: 'bezoekers', gewicht: '2.0' });
    expect(byName.get('Inloop Goes')).toMatchObject({ grootte: 'groot', grootte_basis: 'dagdelen' });
    expect(byName.get('Inloop Terneuzen')).toMatchObject({ grootte: 'klein', grootte_basis: 'dagdelen' });
    expect(byName.get('Inloop Hulst')).toMatchObject({ grootte: 'middelgroot', grootte_basis: 'dagdelen', gewicht: '1.0' });
    expect(byName.get('Inloop Sluis')).toMatchObject({ grootte: 'onbekend', gewicht: '1.0', signalen: 'grootte onbekend' });
    expect(provinces.get('Zeeland')).toMatchObject({ in_beeld: '6', gewogen: '7.0' });
  });
});

/**
 * Vektis EPA shares per municipality (capital names, a later division than the data year) are
 * resolved to current CBS codes and used for those municipalities, marked `gemeente`; the rest
 * keep the share derived from their province.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { queryRows } from '../helpers/database-state.ts';

const bodies = fileURLToPath(new URL('../fixtures/sources/snapshots/vektis-epa/bodies/', import.meta.url));

describe('Vektis EPA shares per municipality', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let imported: Awaited<ReturnType<typeof runCli>>;
  let municipalities: Map<string | undefined, Record<string, string>>;

  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
    const fixture = readdirSync(bodies).find((name) => readFileSync(join(bodies, name), 'utf8').startsWith('Jaar;Gemeentenaam;Percentage EPA'))!;
    const file = join(scratch, 'vektis-epa.csv');
    copyFileSync(join(bodies, fixture), file);
    const inventory = join(scratch, 'lijst.csv');
    copyFileSync(fileURLToPath(new URL('../fixtures/inventory/locaties-komma.csv', import.meta.url)), inventory);
    imported = await runCli(['import', file, '--year', '2025', '--source', 'vektis-epa', '--db', db]);
    expect((await runCli(['import', inventory, '--year', '2025', '--db', db])).code).toBe(0);
    expect((await runCli(['build', '--year', '2025', '--db', db])).code).toBe(0);
    expect((await runCli(['report', '--year', '2025', '--out', join(scratch, 'out'), '--db', db])).code).toBe(0);
    municipalities = new Map(readCsv(join(scratch, 'out/gemeenten.csv')).map((row) => [row['gemeente'], row]));
  });

  it('resolves Vektis names to current municipalities', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^vektis-epa\.csv \(bron vektis-epa\): EPA-aandeel van \d+ gemeenten ingelezen voor 2019/);
  });

  it('uses a municipality share where Vektis has one, and the province share elsewhere', () => {
    expect(municipalities.get("'s-Gravenhage")).toMatchObject({ epa_aandeel_pct: '1.23', epa_basis: 'gemeente' });
    expect(municipalities.get('Súdwest-Fryslân')).toMatchObject({ epa_aandeel_pct: '0.98', epa_basis: 'gemeente' });
    expect(municipalities.get('Utrecht')).toMatchObject({ epa_aandeel_pct: '1.30', epa_basis: 'provincie' });
  });
});

const vektisFixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/vektis/${name}`, import.meta.url));

describe('Vektis files as they really come', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');

  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
  });

  it('an EPA table without a year column takes the year from its file name and resolves every Vektis spelling', async () => {
    const imported = await runCli(['import', vektisFixture('epa-per-gemeente_2022.csv'), '--year', '2025', '--source', 'vektis-epa', '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.split('\n')[0]).toBe('epa-per-gemeente_2022.csv (bron vektis-epa): EPA-aandeel van 5 gemeenten ingelezen voor 2022, 1 afgewezen.');
    expect(imported.stdout).not.toContain('gemeente niet gevonden');
  });

  it('two names for one current municipality (a former one beside it): the first row counts, the later one goes to the summary as a duplicate', async () => {
    const imported = await runCli(['import', vektisFixture('epa-oude-en-nieuwe-naam_2019.csv'), '--year', '2025', '--source', 'vektis-epa', '--db', db]);
    expect(imported.code).toBe(0);
    expect(await queryRows(db, "SELECT gm_code, epa_pct, name_as_written FROM epa_municipality WHERE year = 2019 ORDER BY gm_code")).toEqual([
      ['GM0394', 1.1, 'HAARLEMMERMEER'],
      ['GM0518', 1, 'S GRAVENHAGE'],
    ]);
  });

  it('without a year in a column, the file name or the setting, the file is refused and says where the year can go', async () => {
    const imported = await runCli(['import', vektisFixture('epa-per-gemeente.csv'), '--year', '2025', '--source', 'vektis-epa', '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("noemt geen jaar; zet het jaar in de bestandsnaam (…_2022.csv), in een kolom 'jaar' of in de instelling year");
  });

  it('a Vektis cost file offered as EPA data is refused with the reason', async () => {
    const imported = await runCli(['import', vektisFixture('Vektis Open Databestand Zorgverzekeringswet 2022 - gemeente.csv'), '--year', '2025', '--source', 'vektis-epa', '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toContain(
      'bron vektis-epa: dit is een kostenbestand van Vektis, geen EPA-tabel: Vektis Open Databestand Zorgverzekeringswet 2022 - gemeente.csv heeft 31 kolommen, waaronder aantal_bsn, aantal_verzekerdejaren en 26 kostenkolommen (kosten_…), maar geen kolom met het EPA-aandeel',
    );
  });
});

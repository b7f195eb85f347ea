/**
 * Golden test of the bundled 2024 monitor: the pipeline run on a fresh database must reproduce
 * the committed reports/2024/ byte for byte, and its figures must equal the published tables
 * 2.4.1 (provinces) and 2.2.1 (IZA-regions) of De Galan (2024).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { numbersNotInExports } from '../helpers/report-numbers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const committed = join(repo, 'reports/2024');
const published = join(repo, 'sources/reference/galan2024');

describe('the bundled 2024 monitor', () => {
  const scratch = scratchDir();
  let generated: string;

  // The suite's one run on a fresh database (test/helpers/monitor-2024.ts), which other tests read too.
  beforeAll(async () => {
    const { run, reports } = await monitor2024();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    generated = join(reports, '2024');
  });

  it('reproduces the committed reports/2024 byte for byte', () => {
    const files = (root: string) =>
      (readdirSync(root, { recursive: true }) as string[]).filter((name) => /\.(csv|md|html|svg|css|js)$/.test(name)).sort();
    const expected = files(committed);
    expect(files(generated)).toEqual(expected);
    for (const name of expected) {
      expect(readFileSync(join(generated, name), 'utf8'), name).toBe(readFileSync(join(committed, name), 'utf8'));
    }
  });

  it('counts in view and desired numbers per province as table 2.4.1', () => {
    const table = readCsv(join(published, 'table_2_4_1_provinces.csv'));
    const provinces = readCsv(join(generated, 'provincies.csv'));
    expect(provinces.map((row) => row['provincie'])).toEqual(table.map((row) => row['province']));
    for (const [index, expected] of table.entries()) {
      const actual = provinces[index]!;
      expect(
        { in_beeld: actual['in_beeld'], g15: actual['gewenst_15'], g30: actual['gewenst_30'], g45: actual['gewenst_45'], pct: actual['epa_aandeel_pct'], epa: actual['epa_aantal'] },
        expected['province'],
      ).toEqual({
        in_beeld: expected['in_view'],
        g15: expected['desired_15'],
        g30: expected['desired_30'],
        g45: expected['desired_45'],
        pct: Number(expected['epa_pct']).toFixed(2),
        epa: expected['epa_count'],
      });
    }
  });

  it('gives the national totals of table 2.4.1: 278 in view, 337 / 674 / 1,011 desired', () => {
    const [national] = readCsv(join(generated, 'nederland.csv'));
    expect(national).toMatchObject({ gebied: 'Nederland', in_beeld: '278', gewenst_15: '337', gewenst_30: '674', gewenst_45: '1011' });
  });

  it('counts in view per IZA-region as table 2.2.1, in all 42 regions', () => {
    const table = readCsv(join(published, 'table_2_2_1_regions.csv'));
    const regions = new Map(readCsv(join(generated, 'iza-regios.csv')).map((row) => [row['iza_regio'], row['in_beeld']]));
    expect(regions.size).toBe(42);
    for (const row of table) expect(regions.get(row['iza_region']), row['iza_region']).toBe(row['known']);
  });

  it('lists all 278 locations with a stable id each, and TeamED16 without a municipality', () => {
    const locations = readCsv(join(generated, 'locaties.csv'));
    expect(locations).toHaveLength(278);
    expect(new Set(locations.map((row) => row['location_id'])).size).toBe(278);
    const teamEd16 = locations.find((row) => row['naam'] === 'TeamED16');
    expect(teamEd16).toMatchObject({ gemeentecode: '', iza_regio: 'Apeldoorn / Zutphen', provincie: 'Gelderland' });
    expect(teamEd16?.['signalen']).toContain('gemeente onbekend');
  });

  it('has no number in monitor.md that the exports do not hold', () => {
    expect(numbersNotInExports(generated)).toEqual([]);
  });

  it('gives the same bytes when run again on the same database', async () => {
    const again = join(scratch, 'again');
    const result = await runCli(['run', '--db', await monitor2024Database(scratch), '--reports', again]);
    expect(result.code).toBe(0);
    for (const name of readdirSync(generated, { recursive: true }) as string[]) {
      if (!/\.(csv|md|html|svg|css|js)$/.test(name)) continue;
      expect(readFileSync(join(again, '2024', name), 'utf8'), name).toBe(readFileSync(join(generated, name), 'utf8'));
    }
  });
});

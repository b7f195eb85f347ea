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

const bodies = fileURLToPath(new URL('../fixtures/sources/snapshots/vektis-epa/bodies/', import.meta.url));

describe('Vektis EPA shares per municipality', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let imported: Awaited<ReturnType<typeof runCli>>;
  let municipalities: Map<string | undefined, Record<string, string>>;

  beforeAll(async () => {
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

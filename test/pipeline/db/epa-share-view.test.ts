/**
 * The EPA shares are read through one view (migration 009, `epa_share`): the bundled shares per
 * province next to the shares per municipality imported from Vektis. No coverage query names the
 * two tables itself, so the latest-year, municipality and province queries cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { loadMigrations } from '../../../pipeline/db/schema.ts';
import { sqlDirectory } from '../../../pipeline/db/sql-file.ts';
import { scratchDir } from '../../helpers/cli.ts';

const COVERAGE_SQL = join(sqlDirectory(), 'build', 'build-coverage');

describe('the epa_share view', () => {
  let database: MonitorDatabase;
  beforeAll(async () => {
    // Migrations given: an empty new file, not the build's template with the bundled shares in it.
    database = await MonitorDatabase.open(join(scratchDir('epa-share'), 'monitor.duckdb'), { migrations: loadMigrations() });
  });
  afterAll(() => database.close());

  it('lists the bundled shares and the imported ones per municipality together', async () => {
    await database.append('ref_epa_share', [{ year: 2019, level: 'provincie', area: 'Utrecht', epa_pct: 1.2, source: 'De Galan' }]);
    await database.append('epa_municipality', [{ year: 2023, gm_code: 'GM0344', epa_pct: 1.5, name_as_written: 'UTRECHT', file_name: 'epa.csv' }]);
    const rows = await database.query(
      z.object({ year: z.number(), level: z.string(), area: z.string(), epa_pct: z.number() }),
      'SELECT year, level, area, epa_pct FROM epa_share ORDER BY year',
    );
    expect(rows).toEqual([
      { year: 2019, level: 'provincie', area: 'Utrecht', epa_pct: 1.2 },
      { year: 2023, level: 'gemeente', area: 'GM0344', epa_pct: 1.5 },
    ]);
  });

  it('is the only way the coverage queries read EPA shares', () => {
    const files = readdirSync(COVERAGE_SQL).filter((file) => file.endsWith('.sql'));
    const readers = files.filter((file) => /\bepa_share\b/.test(readFileSync(join(COVERAGE_SQL, file), 'utf8')));
    expect(readers.sort()).toEqual(['max-epa-year.sql', 'municipality-coverage.sql', 'province-coverage.sql']);
    for (const file of files) {
      expect(readFileSync(join(COVERAGE_SQL, file), 'utf8'), file).not.toMatch(/\b(ref_epa_share|epa_municipality)\b/);
    }
  });
});

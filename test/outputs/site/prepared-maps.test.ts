/**
 * The report's worker projects the site's maps of the reference data's division while the year is
 * built (site-map.ts, prepareMapViews; site/reference-division.ts). That only saves time when it is
 * the division the year is built on, and it must change no byte of the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { readReportInput, type ReportInput } from '../../../pipeline/read/read-report-input.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';
import { precomputedBytes } from '../../../sources/reference/precomputed.ts';
import { mapModel } from '../../../outputs/site/map-model.ts';
import { referenceDivision } from '../../../outputs/site/reference-division.ts';
import { siteFiles } from '../../../outputs/site/site-files.ts';
import { divisionOfRows, prepareMapViews, type DivisionRow } from '../../../outputs/site/site-map.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { monitor2024Database } from '../../helpers/monitor-2024.ts';

const COMMITTED = fileURLToPath(new URL('../../../reports/2024/', import.meta.url));

const sorted = (rows: readonly DivisionRow[]) => [...rows].sort(([a], [b]) => a.localeCompare(b));

describe("the site's maps projected ahead of the 2024 monitor", () => {
  let input: ReportInput;
  const division = referenceDivision(loadReferenceData());

  beforeAll(async () => {
    const database = await monitor2024Database(scratchDir('lsp-monitor-prepared-maps-'));
    input = await withDatabase(database, (db) => readReportInput(db, 2024));
  }, 180_000);

  it("are of the division the year was built on: each municipality's province and IZA-region", () => {
    const built = [...mapModel(input.data).municipalities.values()].map((row): DivisionRow => [row.code, row.province, row.izaRegion]);
    expect(sorted(division)).toEqual(sorted(built));
    expect(new Set(division.map(([, , region]) => region)).size).toBeGreaterThan(20);
  });

  it('are those the build stored in dist/, which the suite brought up to date (computed-maps.test.ts draws without them)', () => {
    expect(precomputedBytes('siteMaps')).toBeDefined();
  });

  it('leave the site byte for byte the committed one', () => {
    let maps = 0;
    for (const _ of prepareMapViews(divisionOfRows(division))) maps += 1;
    expect(maps).toBe(1 + new Set(division.map(([, province]) => province)).size + new Set(division.flatMap(([, , region]) => (region === null ? [] : [region]))).size);
    for (const file of siteFiles(input)) expect(file.content, file.name).toBe(readFileSync(join(COMMITTED, file.name), 'utf8'));
  });
});

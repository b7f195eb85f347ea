/**
 * The overview's formulas recalculated by LibreOffice give the pipeline's figures, a size
 * changed in Locaties (as a person would) moves exactly the figures it should, and names that look
 * like formulas stay text. The three workbooks go through one LibreOffice run.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION_COLUMNS, SHEETS, locationColumn, locationContext } from '../../../pipeline/workbook/layout.ts';
import { writeOverview } from '../../../pipeline/workbook/write/overview.ts';
import { coverageLabel as label } from '../../../pipeline/workbook/write/sheets/coverage.ts';
import type { LocationRow } from '../../../pipeline/read/read-monitor.ts';
import { findSoffice, recalculateAllToCsv, sheetRecords, SOFFICE_MISSING } from '../../helpers/libreoffice.ts';
import { rowsAsCsv } from './csv-like.ts';
import { INJECTIONS, withInjections } from './injections.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';

const soffice = findSoffice();

function expectRowsLikeCsv(actual: Record<string, string>[], expected: Record<string, string>[], key: string): void {
  const shown = rowsAsCsv(actual, expected, key, label);
  expect(shown.keys).toEqual(expected.map((row) => row[key]));
  expect(shown.rows).toEqual(expected);
}

describe.skipIf(soffice === null)('the overview recalculated in LibreOffice', () => {
  let monitor: Monitor2024;
  let before: Map<string, string[][]>;
  let after: Map<string, string[][]>;
  /** The overview of the monitor with formula-looking texts as its first locations' names (injections.ts). */
  let injected: Map<string, string[][]>;
  /** The candidate whose size the edited copy changes from onbekend to groot (as a person would in Locaties). */
  let location: LocationRow | undefined;
  /** The size each edited row showed before the edit. */
  const sizesBeforeEdit: unknown[] = [];

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    const workbookPath = join(monitor.scratch, 'overzicht.xlsx');
    await writeOverview(monitor.data, workbookPath);

    const context = locationContext(monitor.data);
    const isCandidate = (row: LocationRow) =>
      context.countingProvince(row) === 'Noord-Holland' && row.size_class === 'onbekend' && row.status === 'actief' && row.gm_code !== null;
    location = monitor.data.locations.find(isCandidate);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookPath);
    const sheet = workbook.getWorksheet(SHEETS.locations)!;
    const column = (header: string) => LOCATION_COLUMNS.findIndex((entry) => entry.header === header) + 1;
    sheet.eachRow((row) => {
      if (location !== undefined && row.getCell(column('location_id')).value === location.location_id) {
        sizesBeforeEdit.push(row.getCell(column('grootte')).value);
        row.getCell(column('grootte')).value = 'groot';
      }
    });
    const editedPath = join(monitor.scratch, 'overzicht-bewerkt.xlsx');
    await workbook.xlsx.writeFile(editedPath);

    const hostilePath = join(monitor.scratch, 'hostile.xlsx');
    await writeOverview(withInjections(monitor.data), hostilePath);

    // The three workbooks in one LibreOffice run: its start costs seconds.
    const [original, edited, hostile] = await recalculateAllToCsv(soffice!, [workbookPath, editedPath, hostilePath]);
    before = original!;
    after = edited!;
    injected = hostile!;
  }, 240_000);

  it('gives the figures of provincies.csv, nederland.csv, iza-regios.csv and gemeenten.csv', () => {
    const provinces = sheetRecords(before, SHEETS.provinces);
    expectRowsLikeCsv(provinces.filter((row) => row['Provincie'] !== 'Nederland'), monitor.csv('provincies.csv'), 'provincie');
    const { gebied = '', ...figures } = monitor.csv('nederland.csv')[0] ?? {};
    expect(gebied).toBe('Nederland');
    expectRowsLikeCsv(provinces.filter((row) => row['Provincie'] === 'Nederland'), [{ provincie: gebied, ...figures }], 'provincie');
    expectRowsLikeCsv(sheetRecords(before, SHEETS.regions), monitor.csv('iza-regios.csv'), 'iza_regio');
    expectRowsLikeCsv(sheetRecords(before, SHEETS.municipalities), monitor.csv('gemeenten.csv'), 'gemeentecode');
  });

  it('counts a size changed from onbekend to groot in Noord-Holland as exactly 1 more, and nothing else', () => {
    expect(location).toBeDefined();
    // Exactly one row of Locaties is the location, and it showed onbekend before the edit.
    expect(sizesBeforeEdit).toEqual(['onbekend']);

    // The areas the location counts in move by exactly 1 (gewogen up, tekort down); every other row stays as it was.
    const expectOnlyChanged = (sheetName: string, key: string, changed: readonly string[]) => {
      const old = sheetRecords(before, sheetName);
      const now = sheetRecords(after, sheetName);
      const area = label(key);
      expect(now.map((row) => row[area])).toEqual(old.map((row) => row[area]));
      old.forEach((row, index) => {
        const updated = now[index]!;
        const what = `${sheetName} ${row[area]}`;
        if (!changed.includes(row[area]!)) {
          expect(updated, what).toEqual(row);
          return;
        }
        const [weighted, inView] = [label('gewogen'), label('in_beeld')];
        expect(Number(updated[weighted]) - Number(row[weighted]), what).toBe(1);
        expect(updated[inView], what).toBe(row[inView]);
        for (const pct of monitor.data.parameters.participationPct) {
          const [desired, shortfall] = [label(`gewenst_${pct}`), label(`tekort_${pct}`)];
          expect(updated[desired], what).toBe(row[desired]);
          expect(Number(updated[shortfall]), what).toBeCloseTo(Number(row[shortfall]) - 1, 9);
        }
      });
    };
    expectOnlyChanged(SHEETS.provinces, 'provincie', ['Noord-Holland', 'Nederland']);
    expectOnlyChanged(SHEETS.regions, 'iza_regio', [location!.iza_region!]);
    expectOnlyChanged(SHEETS.municipalities, 'gemeentecode', [location!.gm_code!]);
  });

  describe('formula injection', () => {
    it('is not evaluated by LibreOffice', () => {
      const names = sheetRecords(injected, SHEETS.locations).slice(0, INJECTIONS.length).map((row) => row[locationColumn('naam').label]);
      expect(names).toEqual(INJECTIONS.map((text) => `'${text}`));
    });
  });
});

if (soffice === null) it.skip(SOFFICE_MISSING, () => {});

/** Write the overview, edit it as the working group would, read the corrections back. */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewPair } from '../../../pipeline/workbook/extras.ts';
import { SPARE_LOCATION_ROWS } from '../../../pipeline/workbook/layout.ts';
import { overviewBytes } from '../../../pipeline/workbook/write/overview.ts';
import { correctionsSummaryNl } from '../../../pipeline/corrections/summary.ts';
import type { Correction } from '../../../pipeline/corrections/types.ts';
import { readCorrections } from '../../../pipeline/workbook/read/read-corrections.ts';
import type { LocationRow } from '../../../pipeline/read/read-monitor.ts';
import { findSoffice, resaveInLibreOffice } from '../../helpers/libreoffice.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';
import { OverviewEditor } from './edit-overview.ts';

const soffice = findSoffice();

function pair(pairId: string, a: LocationRow, b: LocationRow): ReviewPair {
  return {
    pairId,
    a: { locationId: a.location_id, name: a.name, place: a.place },
    b: { locationId: b.location_id, name: b.name, place: b.place },
    score: 0.8,
    reason: 'zelfde organisatie in dezelfde plaats, andere naam',
  };
}

describe('reading the corrections of an edited overview', () => {
  let monitor: Monitor2024;
  let written: Uint8Array;
  let pairs: ReviewPair[];

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    const [a, b, c, d] = monitor.data.locations;
    pairs = [pair('P-0001', a!, b!), pair('P-0002', c!, d!)];
    written = await overviewBytes(monitor.data, { reviewPairs: pairs });
  });

  it('finds no changes and no errors in a workbook nobody edited, read twice', async () => {
    expect(await readCorrections(written, 'overzicht.xlsx', monitor.data)).toEqual({ changes: [], errors: [], ignoredColumns: [] });
    expect(await readCorrections(written, 'overzicht.xlsx', monitor.data, { reviewPairs: pairs })).toEqual({ changes: [], errors: [], ignoredColumns: [] });
  });

  it('gives exactly the changes made: a size, a closed location, a new location and a review decision', async () => {
    const [first, second] = monitor.data.locations;
    const editor = await OverviewEditor.open(written);
    const firstRow = editor.rowOf(first!.location_id);
    const secondRow = editor.rowOf(second!.location_id);
    editor.setLocation(firstRow, 'grootte', 'klein');
    editor.setLocation(secondRow, 'status', 'gesloten');
    const newRow = monitor.data.locations.length + 2;
    editor.setLocation(newRow, 'naam', 'Herstelplek De Brug');
    editor.setLocation(newRow, 'organisatie', 'Stichting De Brug');
    editor.setLocation(newRow, 'postcode', '3511ab');
    editor.setLocation(newRow, 'plaats', 'Utrecht');
    editor.setLocation(newRow, 'gemeentecode', 'GM0344');
    editor.setLocation(newRow, 'grootte', 'middelgroot');
    editor.setDecision(3, 'verschillend');
    const edited = await editor.bytes();

    const expected: Correction[] = [
      {
        kind: 'change',
        sheet: 'Locaties',
        row: firstRow,
        rowHasErrors: false,
        locationId: first!.location_id,
        locationName: first!.name,
        field: 'size',
        column: 'grootte',
        from: 'onbekend',
        to: 'klein',
      },
      {
        kind: 'change',
        sheet: 'Locaties',
        row: secondRow,
        rowHasErrors: false,
        locationId: second!.location_id,
        locationName: second!.name,
        field: 'status',
        column: 'status',
        from: 'actief',
        to: 'gesloten',
      },
      {
        kind: 'new-location',
        sheet: 'Locaties',
        row: newRow,
        rowHasErrors: false,
        record: {
          name: 'Herstelplek De Brug',
          organisation: 'Stichting De Brug',
          postcode: '3511 AB',
          place: 'Utrecht',
          gmCode: 'GM0344',
          size: 'middelgroot',
          status: 'actief',
          extra: {},
        },
      },
      {
        kind: 'review-decision',
        sheet: 'Te beoordelen',
        row: 3,
        rowHasErrors: false,
        pairId: 'P-0002',
        locationA: pairs[1]!.a.locationId,
        locationB: pairs[1]!.b.locationId,
        decision: 'verschillend',
      },
    ];
    const result = await readCorrections(edited, 'overzicht.xlsx', monitor.data, { reviewPairs: pairs });
    expect(result).toEqual({ changes: expected, errors: [], ignoredColumns: [] });
    expect(await readCorrections(edited, 'overzicht.xlsx', monitor.data)).toEqual({ changes: expected, errors: [], ignoredColumns: [] });

    expect(correctionsSummaryNl(result.changes)).toEqual([
      `${first!.location_id} '${first!.name}': grootte onbekend → klein`,
      `${second!.location_id} '${second!.name}': status actief → gesloten`,
      "nieuwe locatie 'Herstelplek De Brug' (Utrecht, GM0344): status actief, grootte middelgroot",
      `paar P-0002: ${pairs[1]!.a.locationId} en ${pairs[1]!.b.locationId} zijn verschillende locaties`,
    ]);
  });

  it('reads a new location in the last spare row, and ignores empty spare rows', async () => {
    const editor = await OverviewEditor.open(written);
    const lastRow = monitor.data.locations.length + 1 + SPARE_LOCATION_ROWS;
    editor.setLocation(lastRow, 'naam', 'Ontmoetingsplek Oost');
    editor.setLocation(lastRow, 'gemeente', 'Amsterdam');
    const result = await readCorrections(await editor.bytes(), 'overzicht.xlsx', monitor.data);
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      { kind: 'new-location', sheet: 'Locaties', row: lastRow, rowHasErrors: false, record: { name: 'Ontmoetingsplek Oost', municipality: 'Amsterdam', status: 'actief', extra: {} } },
    ]);
  });

  it.skipIf(soffice === null)('finds no changes in a workbook saved again by LibreOffice', async () => {
    const path = join(monitor.scratch, 'overzicht-lo.xlsx');
    writeFileSync(path, written);
    const resaved = await resaveInLibreOffice(soffice!, path);
    expect(await readCorrections(resaved, 'overzicht-lo.xlsx', monitor.data, { reviewPairs: pairs })).toEqual({ changes: [], errors: [], ignoredColumns: [] });
  }, 120_000);
});

/** Problems in an edited overview are reported per sheet, row and column, in Dutch, word for word. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewPair } from '../../../pipeline/workbook/extras.ts';
import { overviewBytes } from '../../../pipeline/workbook/write/overview.ts';
import { correctionsSummaryNl } from '../../../pipeline/corrections/summary.ts';
import { readCorrections } from '../../../pipeline/workbook/read/read-corrections.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';
import { OverviewEditor } from './edit-overview.ts';

describe('errors in an edited overview', () => {
  let monitor: Monitor2024;
  let written: Uint8Array;
  let pairs: ReviewPair[];

  const messages = async (bytes: Uint8Array) => (await readCorrections(bytes, 'overzicht.xlsx', monitor.data, { reviewPairs: pairs })).errors.map((error) => error.message);
  const location = (index: number) => {
    const row = monitor.data.locations[index];
    if (row === undefined) throw new Error(`no location ${index}`);
    return row;
  };

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    const [a, b] = monitor.data.locations;
    pairs = [{ pairId: 'P-0001', a: { locationId: a!.location_id, name: a!.name, place: a!.place }, b: { locationId: b!.location_id, name: b!.name, place: b!.place }, score: 0.7, reason: 'lijkende naam' }];
    written = await overviewBytes(monitor.data, { reviewPairs: pairs });
  });

  it('reports an edited id, a value outside a dropdown and a formula typed into a name, and still computes the changes, flagged', async () => {
    const editor = await OverviewEditor.open(written);
    const idRow = editor.rowOf(location(5).location_id);
    const sizeRow = editor.rowOf(location(6).location_id);
    const nameRow = editor.rowOf(location(7).location_id);
    const cleanRow = editor.rowOf(location(8).location_id);
    editor.setLocation(idRow, 'location_id', 'LSP-0000000000');
    editor.setLocation(idRow, 'grootte', 'groot');
    editor.setLocation(sizeRow, 'grootte', 'reusachtig');
    editor.setLocation(nameRow, 'naam', { formula: 'UPPER("x")', result: 'X' });
    editor.setLocation(nameRow, 'status', 'gesloten');
    editor.setLocation(cleanRow, 'opmerking', 'open op dinsdag');

    const result = await readCorrections(await editor.bytes(), 'overzicht.xlsx', monitor.data, { reviewPairs: pairs });
    expect(result.errors.map((error) => error.message)).toEqual([
      `Locaties, rij ${idRow}, kolom 'Locatie-id': de id is gewijzigd (was ${location(5).location_id}, nu LSP-0000000000); ids zijn niet bewerkbaar`,
      `Locaties, rij ${sizeRow}, kolom 'Grootte': 'reusachtig' staat niet in de keuzelijst (toegestaan: klein, middelgroot, groot, onbekend)`,
      `Locaties, rij ${nameRow}, kolom 'Naam': hier staat een formule (=UPPER("x")); formules in gegevenscellen worden niet overgenomen, typ de waarde zelf`,
    ]);
    expect(result.errors[0]).toMatchObject({ sheet: 'Locaties', row: idRow, column: 'Locatie-id' });
    expect(result.changes.map((change) => change.kind === 'change' && [change.locationId, change.field, change.from, change.to, change.rowHasErrors])).toEqual([
      [location(5).location_id, 'size', 'onbekend', 'groot', true],
      [location(7).location_id, 'status', 'actief', 'gesloten', true],
      [location(8).location_id, 'note', location(8).note, 'open op dinsdag', false],
    ]);
    expect(correctionsSummaryNl(result.changes)).toEqual([
      `${location(5).location_id} '${location(5).name}': grootte onbekend → groot (rij ${idRow} van Locaties bevat fouten)`,
      `${location(7).location_id} '${location(7).name}': status actief → gesloten (rij ${nameRow} van Locaties bevat fouten)`,
      `${location(8).location_id} '${location(8).name}': opmerking ${location(8).note ?? '(leeg)'} → open op dinsdag`,
    ]);
  });

  it('reports a deleted row: a location is closed with its status', async () => {
    const editor = await OverviewEditor.open(written);
    const row = editor.rowOf(location(10).location_id);
    editor.locations.spliceRows(row, 1);
    expect(await messages(await editor.bytes())).toEqual([
      `Locaties, kolom 'Locatie-id': locatie ${location(10).location_id} '${location(10).name}' (rij ${row}) ontbreekt; een locatie sluit u met status gesloten, niet door de rij te verwijderen`,
    ]);
  });

  it('reports an impossible municipality code, an edited derived column, an unknown and a repeated id', async () => {
    const editor = await OverviewEditor.open(written);
    const [first, second, third, fourth] = [11, 12, 13, 14].map((index) => editor.rowOf(location(index).location_id));
    editor.setLocation(first!, 'gemeentecode', 'GM12');
    editor.setLocation(second!, 'gemeentecode', 'GM9999');
    editor.setLocation(third!, 'provincie', 'Atlantis');
    editor.setLocation(fourth!, 'location_id', location(11).location_id);
    const spare = monitor.data.locations.length + 2;
    editor.setLocation(spare, 'location_id', 'LSP-onbekend');
    editor.setLocation(spare, 'naam', 'Nieuw met verzonnen id');
    expect(await messages(await editor.bytes())).toEqual([
      `Locaties, rij ${first}, kolom 'Gemeentecode': 'GM12' is geen CBS-gemeentecode (verwacht: GM gevolgd door vier cijfers)`,
      `Locaties, rij ${second}, kolom 'Gemeentecode': 'GM9999' is geen huidige gemeente`,
      `Locaties, rij ${third}, kolom 'Provincie': deze kolom wordt berekend en is niet bewerkbaar (was ${location(13).province}, nu Atlantis)`,
      `Locaties, rij ${fourth}, kolom 'Locatie-id': de id ${location(11).location_id} staat ook in rij ${first}; elke locatie staat één keer in de lijst`,
      `Locaties, rij ${spare}, kolom 'Locatie-id': onbekende id LSP-onbekend; een nieuwe locatie voegt u toe zonder id`,
      `Locaties, kolom 'Locatie-id': locatie ${location(14).location_id} '${location(14).name}' (rij ${fourth}) ontbreekt; een locatie sluit u met status gesloten, niet door de rij te verwijderen`,
    ]);
  });

  it('checks a new location with the inventory schema', async () => {
    const editor = await OverviewEditor.open(written);
    const spare = monitor.data.locations.length + 2;
    editor.setLocation(spare, 'postcode', '12');
    editor.setLocation(spare, 'plaats', 'Ergens');
    editor.setLocation(spare, 'status', 'open');
    const result = await readCorrections(await editor.bytes(), 'overzicht.xlsx', monitor.data);
    expect(result.errors.map((error) => error.message)).toEqual([
      `Locaties, rij ${spare}, kolom 'Naam': naam ontbreekt`,
      `Locaties, rij ${spare}, kolom 'Status': 'open' staat niet in de keuzelijst (toegestaan: actief, potentieel, gesloten, uitgesloten)`,
      `Locaties, rij ${spare}, kolom 'Postcode': '12' is geen Nederlandse postcode (verwacht: 1234 AB)`,
    ]);
    expect(result.changes).toEqual([]);
  });

  it('reports an invalid review decision and an edited pair', async () => {
    const editor = await OverviewEditor.open(written);
    editor.setDecision(2, 'misschien');
    editor.sheet('Te beoordelen').getCell('B2').value = 'LSP-anders';
    expect(await messages(await editor.bytes())).toEqual([
      "Te beoordelen, rij 2, kolom 'Locatie A: id': deze kolom is niet bewerkbaar (was " + `${pairs[0]!.a.locationId}, nu LSP-anders)`,
      "Te beoordelen, rij 2, kolom 'Beslissing': 'misschien' staat niet in de keuzelijst (toegestaan: zelfde, verschillend)",
    ]);
  });

  it('refuses a workbook of another monitor year, and a file that is no workbook', async () => {
    await expect(readCorrections(written, 'overzicht.xlsx', { ...monitor.data, year: 2025 })).rejects.toThrow(
      new MonitorError(
        "dit overzicht is van monitorjaar 2024 (werkblad Toelichting, rij 4), niet van 2025; er is niets overgenomen (neem een overzicht van 2025, gemaakt met 'lsp-monitor report --year 2025')",
        { location: { file: 'overzicht.xlsx' } },
      ),
    );
    await expect(readCorrections(new TextEncoder().encode('naam,plaats\n'), 'locaties.csv', monitor.data)).rejects.toThrow(
      new MonitorError('geen geldig Excel-bestand (xlsx)', { location: { file: 'locaties.csv' } }),
    );
  });
});

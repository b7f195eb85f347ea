import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FetchedFile, Snapshot } from '../../../sources/adapter.ts';
import { importFileSnapshot, receivedFile, receivedFileUrl } from '../../../sources/adapters/file-import.ts';
import { regionalCorrections } from '../../../sources/adapters/regional-corrections.ts';
import { survey } from '../../../sources/adapters/survey.ts';
import { TEN_CHARACTERISTICS } from '../../../sources/schema.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { snapshotInUse } from '../../../sources/archive/snapshot-in-use.ts';
import { writeVerdict } from '../../../sources/archive/verdict.ts';
import { writeSnapshot } from '../../../sources/archive/write-snapshot.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { scratch } from '../archive/helpers.ts';
import { errorOf, errorOfCall } from './helpers.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const importedAt = '2025-03-01T00:00:00Z';

async function imported(adapter: typeof survey | typeof regionalCorrections, fileName: string, text: string | Uint8Array, sheet?: string): Promise<Snapshot> {
  return importFileSnapshot(adapter, fileName, typeof text === 'string' ? utf8(text) : text, { importedAt, ...(sheet === undefined ? {} : { sheet }) });
}

/** A workbook with one sheet per entry, each holding the given rows. */
async function workbook(sheets: Record<string, (string | null)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const CORRECTIONS_HEADER = ['Naam', 'Gemeente', 'IZA-regio', 'Soort'];

describe('file sources', () => {
  it.each([regionalCorrections, survey])('$id comes in as a file: no fetch', (adapter) => {
    expect(adapter.origin).toBe('file');
    expect('fetch' in adapter).toBe(false);
  });

  it('an import keeps the file as received, nothing beside it', async () => {
    const csv = await readFixtureSnapshot(FIXTURES.correctionsCsv);
    expect(csv.files.map((file) => [file.url, file.contentType])).toEqual([['file:correcties-regio-voorbeeld.csv', 'text/csv']]);
    const xlsx = await readFixtureSnapshot(FIXTURES.correctionsXlsx);
    expect(xlsx.files.map((file) => [file.url, file.contentType])).toEqual([
      ['file:correcties-regio-voorbeeld.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
  });

  it('an import of an unknown format names the source and the file', async () => {
    const error = await errorOf(imported(survey, 'enquete.pdf', '%PDF'));
    expect(error.message).toBe("bron survey: bestand enquete.pdf: onbekend bestandsformaat '.pdf'; gebruik CSV of XLSX");
  });

  it('a received file url carries the name and the chosen worksheet, percent-encoded', () => {
    expect(receivedFileUrl('correcties.csv')).toBe('file:correcties.csv');
    expect(receivedFileUrl('Correcties regio #2.xlsx', 'Blad 2')).toBe('file:Correcties%20regio%20%232.xlsx#blad=Blad%202');
    expect(receivedFile('file:Correcties%20regio%20%232.xlsx#blad=Blad%202')).toEqual({ fileName: 'Correcties regio #2.xlsx', sheet: 'Blad 2' });
    expect(receivedFile('file:correcties.csv')).toEqual({ fileName: 'correcties.csv' });
    expect(receivedFile('file:correcties.xlsx#rijen')).toBeUndefined();
    expect(receivedFile('file:..%2Fgeheim.csv')).toBeUndefined();
    expect(receivedFile('https://example.org/a.csv')).toBeUndefined();
  });

  it('parse reads the worksheet chosen at import, the first visible one otherwise', async () => {
    const bytes = await workbook({
      Toelichting: [['Naam'], ['Lees dit eerst']],
      Correcties: [CORRECTIONS_HEADER, ['Voorbeeldhuis (fictief)', 'Kampen', 'IJssel-Vecht', 'gesloten']],
    });
    const chosen = await imported(regionalCorrections, 'correcties.xlsx', bytes, 'correcties');
    expect(chosen.files.map((file) => file.url)).toEqual(['file:correcties.xlsx#blad=correcties']);
    expect((await regionalCorrections.parse(chosen)).records.map(({ record }) => [record.name, record.kind])).toEqual([['Voorbeeldhuis (fictief)', 'gesloten']]);
    const first = await imported(regionalCorrections, 'correcties.xlsx', bytes);
    expect((await errorOfCall(() => regionalCorrections.parse(first))).message).toBe(
      "bron regional-corrections: bestand correcties.xlsx: kolom 'soort' ontbreekt (gesloten, geen-steunpunt, nieuw, potentieel, grootte); gevonden kolommen: Naam",
    );
  });

  it('parse reads a Windows-1252 CSV with commas as any inventory is read', async () => {
    const text = 'Naam,Gemeente,IZA-regio,Soort\r\nCaf\u00e9 De Brug (fictief),S\u00fadwest-Frysl\u00e2n,Friesland,nieuw\r\n';
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    const { records } = await regionalCorrections.parse(await imported(regionalCorrections, 'correcties.csv', bytes));
    expect(records.map(({ record }) => [record.name, record.municipality])).toEqual([['Café De Brug (fictief)', 'Súdwest-Fryslân']]);
  });

  it('a snapshot of adapter version 1 (worksheet rows as JSON beside the XLSX) is refused with what to do', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.surveyXlsx);
    const [xlsx] = snapshot.files;
    if (xlsx === undefined) throw new Error('fixture without file');
    const rows = toRawFile({ url: `${xlsx.url}#rijen`, status: 200, contentType: 'application/json', bytes: utf8('{"sheet":"Blad1","rows":[]}') });
    const old: Snapshot = { ...snapshot, adapterVersion: 1, files: [xlsx, rows] };
    expect((await errorOfCall(() => survey.parse(old))).message).toBe(
      "bron survey: file:zelfevaluatie-voorbeeld.xlsx#rijen is geen ingelezen bestand (verwacht: 'file:<naam>'); lees het bestand opnieuw in met 'lsp-monitor import <bestand> --source survey'",
    );
  });
});

describe('file sources imported by adapter version 1', () => {
  it('a CSV snapshot is read again by version 2 and stays in use; an XLSX one with rows beside it is passed over with a warning', async () => {
    const archive = scratch();
    const csv = await readFixtureSnapshot(FIXTURES.surveyCsv);
    const xlsx = await readFixtureSnapshot(FIXTURES.surveyXlsx);
    const [workbookFile] = xlsx.files;
    if (workbookFile === undefined) throw new Error('fixture without file');
    const rows = toRawFile({ url: `${workbookFile.url}#rijen`, status: 200, contentType: 'application/json', bytes: utf8('{"sheet":"Zelfevaluatie","rows":[]}') });
    const store = async (fetchedAt: string, files: readonly FetchedFile[], records: number) => {
      const { info } = await writeSnapshot(archive, { source: 'survey', adapterVersion: 1, fetchedAt: new Date(fetchedAt), files });
      await writeVerdict(info.dir, { good: true, parsedAt: fetchedAt, adapterVersion: 1, records, rejects: 0 });
      return info.dir;
    };
    const csvDir = await store('2025-03-01T00:00:00.000Z', csv.files, 12);
    await store('2025-03-05T00:00:00.000Z', [workbookFile, rows], 18);
    const warnings: string[] = [];

    const inUse = await snapshotInUse(archive, survey, (line) => warnings.push(line));

    expect(inUse?.dir).toBe(csvDir);
    expect(inUse?.reparsedFrom).toBe(1);
    expect(inUse?.verdict).toMatchObject({ good: true, adapterVersion: 2, records: 12 });
    expect(warnings).toEqual([
      'LET OP: bron survey: de momentopname van 5 maart 2025 01:00 is goedgekeurd door adapterversie 1, maar de huidige versie 2 kan hem niet lezen ' +
        "(bron survey: file:zelfevaluatie-voorbeeld.xlsx#rijen is geen ingelezen bestand (verwacht: 'file:<naam>'); lees het bestand opnieuw in met 'lsp-monitor import <bestand> --source survey'); hij wordt overgeslagen",
    ]);
  });
});

describe('regional corrections', () => {
  it('reads a CSV, with row-level rejects for invalid values', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.correctionsCsv);
    const { records, rejects } = await regionalCorrections.parse(snapshot);
    const file = snapshot.files[0]?.name;
    expect(records).toEqual([
      {
        origin: `${file}#2`,
        record: { name: 'GroeiRijk', municipality: 'Eindhoven', place: 'Eindhoven', izaRegion: 'Zuid Oost Brabant', kind: 'gesloten', note: 'Volgens de regiocoördinator niet meer actief' },
      },
      {
        origin: `${file}#3`,
        record: { name: 'Het BinnensteBuiten', municipality: 'Zeist', izaRegion: 'Utrecht Zuidoost', kind: 'gesloten', note: 'Gesloten sinds januari 2023' },
      },
      {
        origin: `${file}#4`,
        record: { name: 'Stichting Herstelproces', municipality: 'Hoogeveen', place: 'Hoogeveen', izaRegion: 'Drenthe', kind: 'geen-steunpunt', note: 'Herstelweekenden, geen wekelijkse inloop' },
      },
      { origin: `${file}#5`, record: { name: 'Power by Peers', municipality: 'Utrecht', place: 'Utrecht', izaRegion: 'Utrecht Zuidoost', kind: 'potentieel' } },
      {
        origin: `${file}#6`,
        record: { name: 'Zelfregie en herstel', municipality: 'Leeuwarden', place: 'Leeuwarden', izaRegion: 'Friesland', kind: 'grootte', size: 'groot', note: 'Stjoer hoofdlocatie' },
      },
      { origin: `${file}#7`, record: { name: 'Sociale inloop Sneek', municipality: 'Súdwest-Fryslân', place: 'Sneek', izaRegion: 'Friesland', kind: 'grootte', size: 'klein' } },
      {
        origin: `${file}#8`,
        record: { locationId: 'LSP-0900', name: 'Inloop Voorbeeld (fictief)', municipality: 'Zwolle', place: 'Zwolle', izaRegion: 'IJssel-Vecht', kind: 'nieuw', note: 'Nieuw gevonden' },
      },
    ]);
    const at = (row: number, field: string, reason: string) => ({ source: 'regional-corrections', file: 'correcties-regio-voorbeeld.csv', row, field, reason });
    expect(rejects).toEqual([
      at(9, 'Soort', "'verhuisd' is geen geldige waarde; toegestaan: gesloten, geen-steunpunt, nieuw, potentieel, grootte"),
      at(10, 'Grootte', "'reusachtig' is geen geldige waarde; toegestaan: klein, middelgroot, groot"),
      at(11, 'Grootte', "grootte ontbreekt; bij soort 'grootte' is een grootte verplicht"),
      at(12, 'Naam', 'naam ontbreekt'),
      at(13, 'Soort', 'soort correctie ontbreekt'),
    ]);
  });

  it('reads an XLSX with other headers (Locatienaam, Soort correctie, Omvang)', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.correctionsXlsx);
    const { records, rejects } = await regionalCorrections.parse(snapshot);
    expect(records.map(({ record }) => record)).toEqual([
      { locationId: 'LSP-0901', name: 'Voorbeeldinloop Noord (fictief)', municipality: 'Zwolle', izaRegion: 'IJssel-Vecht', kind: 'nieuw' },
      { name: 'Voorbeeldhuis (fictief)', municipality: 'Kampen', izaRegion: 'IJssel-Vecht', kind: 'grootte', size: 'middelgroot', note: 'Vier dagdelen' },
    ]);
    expect(rejects).toEqual([
      {
        source: 'regional-corrections',
        file: 'correcties-regio-voorbeeld.xlsx',
        row: 5,
        field: 'Soort correctie',
        reason: "'weg' is geen geldige waarde; toegestaan: gesloten, geen-steunpunt, nieuw, potentieel, grootte",
      },
    ]);
  });

  it('a file without a kind column says so', async () => {
    const snapshot = await imported(regionalCorrections, 'correcties.csv', 'Naam;Gemeente\nGroeiRijk;Eindhoven\n');
    expect((await errorOfCall(() => regionalCorrections.parse(snapshot))).message).toBe(
      "bron regional-corrections: bestand correcties.csv: kolom 'soort' ontbreekt (gesloten, geen-steunpunt, nieuw, potentieel, grootte); gevonden kolommen: Naam, Gemeente",
    );
  });
});

describe('self-assessment survey', () => {
  it('has the ten characteristics of Bijlage 3', () => {
    expect(TEN_CHARACTERISTICS).toHaveLength(10);
    expect(TEN_CHARACTERISTICS[8]).toBe('In het initiatief zijn ervaringsdeskundigen en/of ervaringswerkers in de lead.');
  });

  it('reads an XLSX: one record per answer, answers in any case, rejects for invalid answers and a missing name', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.surveyXlsx);
    const { records, rejects } = await survey.parse(snapshot);
    const answers = (name: string) => records.filter(({ record }) => record.name === name).map(({ record }) => [record.characteristic, record.answer]);
    expect(answers('Voorbeeldsteunpunt A (fictief)')).toEqual([
      [1, 'ja'],
      [2, 'in enige mate'],
      [3, 'nee'],
      [4, 'weet ik niet'],
      [5, 'ja'],
      [6, 'ja'],
      [7, 'ja'],
      [8, 'nee'],
      [9, 'ja'],
      [10, 'in enige mate'],
    ]);
    expect(answers('Voorbeeldsteunpunt B (fictief)')).toEqual([
      [1, 'ja'],
      [2, 'ja'],
      [3, 'nee'],
      [5, 'ja'],
      [6, 'in enige mate'],
      [8, 'ja'],
      [9, 'nee'],
      [10, 'ja'],
    ]);
    expect(records).toHaveLength(18);
    expect(records[0]).toEqual({
      origin: `${snapshot.files[0]?.name}#2:kenmerk1`,
      record: { locationId: 'LSP-0001', name: 'Voorbeeldsteunpunt A (fictief)', municipality: 'Zwolle', characteristic: 1, answer: 'ja' },
    });
    expect(rejects).toEqual([
      {
        source: 'survey',
        file: 'zelfevaluatie-voorbeeld.xlsx',
        row: 3,
        field: 'Kenmerk 7',
        reason: "'misschien' is geen geldige waarde; toegestaan: ja, in enige mate, nee, weet ik niet",
      },
      { source: 'survey', file: 'zelfevaluatie-voorbeeld.xlsx', row: 4, field: 'Naam', reason: 'naam ontbreekt' },
    ]);
  });

  it('reads a CSV; an empty cell is no answer', async () => {
    const { records, rejects } = await survey.parse(await readFixtureSnapshot(FIXTURES.surveyCsv));
    expect(records).toHaveLength(12);
    expect(records.slice(10).map(({ record }) => [record.name, record.characteristic, record.answer])).toEqual([
      ['Voorbeeldsteunpunt D (fictief)', 1, 'nee'],
      ['Voorbeeldsteunpunt D (fictief)', 10, 'weet ik niet'],
    ]);
    expect(rejects).toEqual([]);
  });

  it('a file without all ten characteristic columns says which are missing', async () => {
    const header = `naam;${Array.from({ length: 8 }, (_, index) => `kenmerk ${index + 1}`).join(';')}`;
    const snapshot = await imported(survey, 'enquete.csv', `${header}\nVoorbeeld;ja;ja;ja;ja;ja;ja;ja;ja\n`);
    expect((await errorOfCall(() => survey.parse(snapshot))).message).toBe("bron survey: bestand enquete.csv: kolom 'kenmerk 9', 'kenmerk 10' ontbreekt");
  });
});

import { describe, expect, it } from 'vitest';
import type { HttpClient, Snapshot } from '../../../sources/adapter.ts';
import { importFileSnapshot } from '../../../sources/adapters/file-import.ts';
import { regionalCorrections } from '../../../sources/adapters/regional-corrections.ts';
import { survey, TEN_CHARACTERISTICS } from '../../../sources/adapters/survey.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOf, errorOfSync } from './helpers.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const importedAt = '2025-03-01T00:00:00Z';
const noHttp: HttpClient = { get: () => Promise.reject(new Error('no request expected')) };

async function imported(adapter: typeof survey | typeof regionalCorrections, fileName: string, text: string): Promise<Snapshot> {
  return importFileSnapshot(adapter, fileName, utf8(text), { importedAt });
}

describe('file sources', () => {
  it.each([regionalCorrections, survey])('$id: fetch says the source comes in as a file', async (adapter) => {
    const error = await errorOf(adapter.fetch({ http: noHttp, settings: {}, log: () => undefined }));
    expect(error.message).toBe(
      `bron ${adapter.id}: deze bron wordt niet opgehaald maar komt binnen als bestand (CSV of XLSX); lees het in met 'lsp-monitor import <bestand> --source ${adapter.id}'`,
    );
  });

  it('an import keeps the file as received; an XLSX gets its rows beside it', async () => {
    const csv = await readFixtureSnapshot(FIXTURES.correctionsCsv);
    expect(csv.files.map((file) => [file.url, file.contentType])).toEqual([['file:correcties-regio-voorbeeld.csv', 'text/csv']]);
    const xlsx = await readFixtureSnapshot(FIXTURES.correctionsXlsx);
    expect(xlsx.files.map((file) => file.url)).toEqual(['file:correcties-regio-voorbeeld.xlsx', 'file:correcties-regio-voorbeeld.xlsx#rijen']);
  });

  it('an import of an unknown format names the source and the file', async () => {
    const error = await errorOf(imported(survey, 'enquete.pdf', '%PDF'));
    expect(error.message).toBe("bron survey: bestand enquete.pdf: onbekend bestandsformaat '.pdf'; gebruik CSV of XLSX");
  });
});

describe('regional corrections', () => {
  it('reads a CSV, with row-level rejects for invalid values', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.correctionsCsv);
    const { records, rejects } = regionalCorrections.parse(snapshot);
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
    const { records, rejects } = regionalCorrections.parse(snapshot);
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
    expect(errorOfSync(() => regionalCorrections.parse(snapshot)).message).toBe(
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
    const { records, rejects } = survey.parse(snapshot);
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
    const { records, rejects } = survey.parse(await readFixtureSnapshot(FIXTURES.surveyCsv));
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
    expect(errorOfSync(() => survey.parse(snapshot)).message).toBe("bron survey: bestand enquete.csv: kolom 'kenmerk 9', 'kenmerk 10' ontbreekt");
  });
});

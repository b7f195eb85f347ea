import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../sources/adapter.ts';
import { cbsStatline } from '../../../sources/adapters/cbs-statline.ts';
import { CbsStatlineSettings } from '../../../sources/adapters/cbs-statline.site.ts';
import type { CbsStatlineRecord } from '../../../sources/schema.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { readCsv } from '../../helpers/csv.ts';
import { errorOfCall } from './helpers.ts';

const reference = (name: string) => readCsv(fileURLToPath(new URL(`../../../sources/reference/cbs/${name}`, import.meta.url)));

let snapshot: Snapshot;
let records: CbsStatlineRecord[];
beforeAll(async () => {
  snapshot = await readBundledSnapshot(cbsStatline.id);
  const parsed = await cbsStatline.parse(snapshot);
  expect(parsed.rejects).toEqual([]);
  records = parsed.records.map(({ record }) => record);
});

describe('CBS StatLine, bundled snapshot', () => {
  it('population equals sources/reference/cbs/population.csv, row for row', () => {
    const expected = reference('population.csv');
    // CBS's region code list has one title per code, the newest: 2019 rows carry today's name
    // ("Hengelo (O.)"), where the reference file keeps the 2019 name ("Hengelo").
    const newestName = new Map(expected.map((row) => [row.gm_code, row.name]));
    const population = records.filter((record) => record.table === 'bevolking');
    expect(population.map(({ gm_code, year, population: inhabitants }) => ({ gm_code, year, population: inhabitants }))).toEqual(
      expected.map((row) => ({ gm_code: row.gm_code, year: Number(row.year), population: Number(row.population) })),
    );
    expect(population.map((record) => record.name)).toEqual(expected.map((row) => newestName.get(row.gm_code)));
    const renamed = expected.filter((row) => row.name !== newestName.get(row.gm_code)).map((row) => `${row.gm_code} ${row.name}`);
    expect(renamed).toEqual(['GM0164 Hengelo', 'GM0417 Laren', 'GM0603 Rijswijk', 'GM0687 Middelburg', 'GM0888 Beek', 'GM0971 Stein']);
  });

  it.each([2024, 2025])('municipality → province %i equals sources/reference/cbs/municipalities_%i.csv', (year) => {
    const municipalities = records
      .filter((record) => record.table === 'gebieden' && record.year === year)
      .map((record) => (record.table === 'gebieden' ? { gm_code: record.gm_code, name: record.name, province: record.province } : undefined));
    expect(municipalities).toEqual(reference(`municipalities_${year}.csv`));
  });

  it('followed nextLink over several pages, trimmed padded codes and named Fryslân Friesland', () => {
    const pages = (path: string) => snapshot.files.filter((file) => new URL(file.url).pathname.endsWith(path));
    expect(pages('/Observations').length).toBeGreaterThanOrEqual(2);
    expect(pages('/TypedDataSet').length).toBeGreaterThanOrEqual(3);
    const typed = new TextDecoder().decode(pages('/TypedDataSet')[0]?.bytes);
    expect(typed).toContain('"GM0014    "');
    expect(typed).toContain('Fryslân');
  });

  it('a year missing from the catalogue before a year that is there names the table', async () => {
    const catalogue2024 = snapshot.files.find((file) => file.url.includes('Gebieden%20in%20Nederland%202024'));
    expect(catalogue2024).toBeDefined();
    const changed: Snapshot = {
      ...snapshot,
      files: snapshot.files.map((file) => (file === catalogue2024 ? { ...file, bytes: new TextEncoder().encode('{"value":[]}') } : file)),
    };
    expect((await errorOfCall(() => cbsStatline.parse(changed))).message).toBe(
      `bron cbs-statline: tabel 'Gebieden in Nederland 2024' staat niet in de CBS-catalogus (${catalogue2024?.url})`,
    );
  });

  it('records the years through 2026: the 2026 table and the 2025 and 2026 population were not yet published on the day', () => {
    expect(snapshot.settings).toMatchObject({ populationYears: [2019, 2024, 2025, 2026], gebiedenYears: [2024, 2025, 2026] });
    const catalogue2026 = snapshot.files.find((file) => file.url.includes('Gebieden%20in%20Nederland%202026'));
    expect(new TextDecoder().decode(catalogue2026?.bytes)).toContain('"value":[]');
    const years = (table: string) => new Set(records.flatMap((record) => (record.table === table ? [record.year] : [])));
    expect([...years('bevolking')]).toEqual([2019, 2024]);
    expect([...years('gebieden')]).toEqual([2024, 2025]);
  });

  it('parse builds its URLs from the settings recorded in the snapshot, not from today\'s', async () => {
    const onlyGebieden2024: Snapshot = { ...snapshot, settings: { ...snapshot.settings, gebiedenYears: [2024] } };
    const parsed = await cbsStatline.parse(onlyGebieden2024);
    const years = new Set(parsed.records.flatMap(({ record }) => (record.table === 'gebieden' ? [record.year] : [])));
    expect([...years]).toEqual([2024]);
    const otherTable: Snapshot = { ...snapshot, settings: { ...snapshot.settings, populationTable: '37230ned' } };
    expect((await errorOfCall(() => cbsStatline.parse(otherTable))).message).toMatch(/^bron cbs-statline: de snapshot mist https:\/\/datasets\.cbs\.nl\/odata\/v1\/CBS\/37230ned\/MeasureCodes/);
  });

  it('fetch asks for the table and years of its settings', async () => {
    const requested: string[] = [];
    const error = await errorOfCall(() =>
      cbsStatline.fetch({
        http: { get: async (url) => (requested.push(url), { url, status: 404, contentType: 'text/plain', body: new Uint8Array() }) },
        settings: CbsStatlineSettings.parse({ populationTable: '37230ned', populationBaseUrl: 'https://cbs.example/odata' }),
        log: () => undefined,
      }),
    );
    expect(requested[0]).toMatch(/^https:\/\/cbs\.example\/odata\/37230ned\/MeasureCodes\?/);
    expect(error.message).toBe(`bron cbs-statline: ${requested[0]} gaf HTTP 404`);
  });

  it('a missing page of a chain names its URL', async () => {
    const observations = snapshot.files.filter((file) => file.url.includes('/Observations'));
    const last = observations.at(-1);
    const changed: Snapshot = { ...snapshot, files: snapshot.files.filter((file) => file !== last) };
    expect((await errorOfCall(() => cbsStatline.parse(changed))).message).toBe(
      `bron cbs-statline: de snapshot mist ${last?.url}; is de bron veranderd of is de snapshot onvolledig?`,
    );
  });
});

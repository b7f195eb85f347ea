import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../sources/adapter.ts';
import { vektisEpa } from '../../../sources/adapters/vektis-epa.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { checkSettings } from '../../../sources/archive/settings-check.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOfCall } from './helpers.ts';

const VEKTIS_URL = 'https://example.invalid/vektis.csv';

describe('Vektis EPA per municipality (synthetic fixtures)', () => {
  it('computes the share from the counts and keeps the name as written', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.vektisCounts);
    const file = snapshot.files[0]?.name;
    expect(await vektisEpa.parse(snapshot)).toEqual({
      records: [
        { record: { year: 2019, municipalityName: 'S GRAVENHAGE', epaPct: 1.111 }, origin: `${file}#2` },
        { record: { year: 2019, municipalityName: 'SUDWEST-FRYSLAN', epaPct: 1.11 }, origin: `${file}#3` },
        { record: { year: 2019, municipalityName: 'NOARDEAST-FRYSLAN', epaPct: 1.11 }, origin: `${file}#4` },
        { record: { year: 2019, municipalityName: 'AMSTERDAM', epaPct: 1.111 }, origin: `${file}#5` },
      ],
      rejects: [
        { source: 'vektis-epa', file, row: 6, field: 'aantal_epa', reason: "'<10' is geen aantal" },
        { source: 'vektis-epa', file, row: 7, field: 'aantal_verzekerden', reason: 'aantal verzekerden is 0' },
      ],
    });
  });

  it('reads a percentage column written the Dutch or the English way', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.vektisShares);
    const file = snapshot.files[0]?.name;
    const { records, rejects } = await vektisEpa.parse(snapshot);
    expect(records.map(({ record }) => record)).toEqual([
      { year: 2019, municipalityName: 'S GRAVENHAGE', epaPct: 1.23 },
      { year: 2019, municipalityName: 'SUDWEST-FRYSLAN', epaPct: 0.98 },
      { year: 2019, municipalityName: 'BERGEN (NH)', epaPct: 1.5 },
    ]);
    expect(rejects).toEqual([
      { source: 'vektis-epa', file, row: 5, field: 'Percentage EPA', reason: "'n.b.' is geen getal (percentage EPA)" },
      { source: 'vektis-epa', file, row: 6, field: 'Percentage EPA', reason: 'percentage EPA is groter dan 100' },
    ]);
  });

  it('a file without the columns says which are missing', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.vektisCounts);
    const changed: Snapshot = {
      ...snapshot,
      files: snapshot.files.map((file) => ({ ...file, bytes: new TextEncoder().encode('regio;waarde\nAMSTERDAM;1\n') })),
    };
    expect((await errorOfCall(() => vektisEpa.parse(changed))).message).toBe(
      `bron vektis-epa: kolom 'gemeentenaam', 'percentage_epa' (of 'aantal_epa' en 'aantal_verzekerden') ontbreekt in ${snapshot.files[0]?.url} (gevonden: regio, waarde); is het bestand veranderd?`,
    );
  });

  it('needs the setting url: without it the source is not set up, with a wrong one it is an error', () => {
    expect(checkSettings(vektisEpa, {})).toEqual({ ready: false, missing: ['url'] });
    expect(checkSettings(vektisEpa, { url: VEKTIS_URL })).toEqual({ ready: true, settings: { url: VEKTIS_URL } });
    expect(checkSettings(vektisEpa, { url: VEKTIS_URL, year: 2022 })).toEqual({ ready: true, settings: { url: VEKTIS_URL, year: 2022 } });
    expect(() => checkSettings(vektisEpa, { url: 'geen adres' }, 'sources.settings.json')).toThrow(
      "bestand sources.settings.json, veld 'vektis-epa.url': bron vektis-epa: instelling 'url': moet een http(s)-adres zijn",
    );
  });
});

/** A snapshot of one EPA table in the documented format, without a year column, fetched from `url`. */
function table(url: string, text: string, settings: Record<string, unknown> = { url }): Snapshot {
  return {
    source: 'vektis-epa',
    adapterVersion: vektisEpa.version,
    fetchedAt: '2026-03-01T00:00:00.000Z',
    settings,
    files: [toRawFile({ url, status: 200, contentType: 'text/csv', bytes: new TextEncoder().encode(text) })],
  };
}

const EPA_TABLE = 'gemeentenaam;percentage_epa\nS GRAVENHAGE;1,0\nBERGEN LB;1,2\n';

describe('Vektis EPA table without a year column', () => {
  it('takes the year from the file name', async () => {
    const { records } = await vektisEpa.parse(table('https://example.invalid/vektis/epa_per_gemeente_2022.csv', EPA_TABLE));
    expect(records.map(({ record }) => record)).toEqual([
      { year: 2022, municipalityName: 'S GRAVENHAGE', epaPct: 1 },
      { year: 2022, municipalityName: 'BERGEN LB', epaPct: 1.2 },
    ]);
  });

  it('or from the setting year; a file name with another year is a question, not a choice', async () => {
    const url = 'https://example.invalid/vektis/epa.csv';
    const { records } = await vektisEpa.parse(table(url, EPA_TABLE, { url, year: 2021 }));
    expect(records.map(({ record }) => record.year)).toEqual([2021, 2021]);
    const named = 'https://example.invalid/vektis/epa_2022.csv';
    expect((await errorOfCall(() => vektisEpa.parse(table(named, EPA_TABLE, { url: named, year: 2021 })))).message).toBe(
      "bron vektis-epa: het jaar in de bestandsnaam 'epa_2022.csv' (2022) verschilt van de instelling year (2021); welk jaar klopt?",
    );
  });

  it('a name with a control character is rejected with the reason, the other rows are kept', async () => {
    const { records, rejects } = await vektisEpa.parse(table('https://example.invalid/epa_2022.csv', `${EPA_TABLE}AMSTER\u001bDAM;1,1\n`));
    expect(records).toHaveLength(2);
    expect(rejects).toEqual([{ source: 'vektis-epa', file: expect.any(String), row: 4, field: 'gemeentenaam', reason: 'bevat een onzichtbaar stuurteken (U+001B)' }]);
  });

  it('a row beyond the guard\'s bound (an overlong cell in a column nobody reads) is rejected whole, with the bound', async () => {
    const text = `gemeentenaam;percentage_epa;opmerking\nS GRAVENHAGE;1,0;kort\nBERGEN LB;1,2;${'x'.repeat(20_000)}\n`;
    const { records, rejects } = await vektisEpa.parse(table('https://example.invalid/epa_2022.csv', text));
    expect(records.map(({ record }) => record.municipalityName)).toEqual(['S GRAVENHAGE']);
    expect(rejects).toEqual([{ source: 'vektis-epa', file: expect.any(String), row: 3, field: 'rij', reason: 'rij is 20.012 tekens lang; de grens is 16.000 per rij' }]);
  });
});

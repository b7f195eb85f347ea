import { describe, expect, it } from 'vitest';
import type { HttpClient, Snapshot } from '../../../sources/adapter.ts';
import { vektisEpa } from '../../../sources/adapters/vektis-epa.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOf, errorOfSync } from './helpers.ts';

const noHttp: HttpClient = {
  get: () => Promise.reject(new Error('no request expected')),
};

describe('Vektis EPA per municipality (synthetic fixtures)', () => {
  it('computes the share from the counts and keeps the name as written', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.vektisCounts);
    const file = snapshot.files[0]?.name;
    expect(vektisEpa.parse(snapshot)).toEqual({
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
    const { records, rejects } = vektisEpa.parse(snapshot);
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
    expect(errorOfSync(() => vektisEpa.parse(changed)).message).toBe(
      `bron vektis-epa: kolom 'jaar', 'gemeentenaam', 'percentage_epa' (of 'aantal_epa' en 'aantal_verzekerden') ontbreekt in ${snapshot.files[0]?.url} (gevonden: regio, waarde); is het bestand veranderd?`,
    );
  });

  it('fetch without a configured URL says what to set', async () => {
    const error = await errorOf(vektisEpa.fetch({ http: noHttp, settings: {}, log: () => undefined }));
    expect(error.message).toBe(
      "bron vektis-epa: geen adres ingesteld: zet 'url' (het CSV-bestand EPA per gemeente van Vektis) in de instellingen van deze bron",
    );
  });
});

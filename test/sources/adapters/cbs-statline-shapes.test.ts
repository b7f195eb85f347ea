/**
 * CBS StatLine against answers in the real shapes (test/fixtures/sources/cbs-statline-responses.ts):
 * what the live API does that the adapter must cope with, one deviation at a time.
 */
import { describe, expect, it } from 'vitest';
import type { HttpResponse, Snapshot } from '../../../sources/adapter.ts';
import { cbsStatline } from '../../../sources/adapters/cbs-statline.ts';
import { CbsStatlineSettings } from '../../../sources/adapters/cbs-statline.site.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { type CbsAnswers, cbsAnswer, referenceMunicipalities, referencePopulation } from '../../fixtures/sources/cbs-statline-responses.ts';
import { errorOfCall } from './helpers.ts';

const answers = (changes: Partial<CbsAnswers> = {}): CbsAnswers => ({
  ...referencePopulation(),
  catalogue: [
    { Identifier: '86059NED', Title: 'Gebieden in Nederland 2025' },
    // Another table of places ("woonplaatsen"): never the one to take.
    { Identifier: '86097NED', Title: 'Woonplaatsen in Nederland 2025' },
  ],
  tables: [{ id: '86059NED', year: 2025, municipalities: referenceMunicipalities(2025), provincePosition: 12 }],
  measureTitle: 'Bevolking op 1 januari',
  pageSizes: { observations: 250, typedDataSet: 100 },
  ...changes,
});

const settings = CbsStatlineSettings.parse({ populationYears: [2024], gebiedenYears: [2025] });

/** Fetches through `answer` (optionally rewriting the request first) and parses what was fetched. */
async function fetchAndParse(data: CbsAnswers, rewrite: (url: URL) => void = () => {}, edit: (url: string, body: string) => string = (_url, body) => body) {
  const files: Snapshot['files'][number][] = [];
  const log: string[] = [];
  await cbsStatline.fetch({
    http: {
      get: async (url): Promise<HttpResponse> => {
        const asked = new URL(url);
        rewrite(asked);
        const answer = cbsAnswer(data, asked.toString());
        const body = new TextEncoder().encode(edit(url, answer.body));
        files.push(toRawFile({ url, status: answer.status, contentType: answer.contentType, bytes: body }));
        return { url, status: answer.status, contentType: answer.contentType, body };
      },
    },
    settings,
    log: (line) => log.push(line),
  });
  const snapshot: Snapshot = { source: cbsStatline.id, adapterVersion: cbsStatline.version, fetchedAt: '2026-03-01T00:00:00.000Z', settings, files };
  return { log, parsed: await cbsStatline.parse(snapshot) };
}

describe('CBS StatLine in the real shapes', () => {
  it('finds the municipality in "Codes en namen van gemeenten" and the province nested in "Lokaliseringen van gemeenten", trimmed', async () => {
    const { parsed, log } = await fetchAndParse(answers());
    const gebieden = parsed.records.flatMap(({ record }) => (record.table === 'gebieden' ? [record] : []));
    expect(gebieden).toHaveLength(342);
    expect(gebieden.find((record) => record.gm_code === 'GM0014')).toEqual({ table: 'gebieden', year: 2025, gm_code: 'GM0014', name: 'Groningen', province: 'Groningen' });
    expect(gebieden.find((record) => record.gm_code === 'GM1900')?.province).toBe('Friesland');
    expect(new Set(gebieden.map((record) => record.province)).size).toBe(12);
    expect(log).toContain('cbs-statline: Gebieden in Nederland 2025 (86059NED): 342 gemeenten in 12 provincies');
    expect(log).toContain('cbs-statline: bevolking op 1 januari 2024: 342 gemeenten');
  });

  it('takes the table with exactly the title, also when the catalogue answers with more tables', async () => {
    const { log } = await fetchAndParse(answers(), (url) => url.pathname.endsWith('/Tables') && url.searchParams.delete('$filter'));
    expect(log).toContain('cbs-statline: Gebieden in Nederland 2025 (86059NED): 342 gemeenten in 12 provincies');
  });

  it('matches the measure on its code M000352; a unit after the title is fine, another title is a structural change', async () => {
    const withUnit = await fetchAndParse(answers({ measureTitle: 'Bevolking op 1 januari (aantal)' }));
    expect(withUnit.parsed.records.filter(({ record }) => record.table === 'bevolking')).toHaveLength(342);
    const error = await errorOfCall(() => fetchAndParse(answers({ measureTitle: 'Gemiddelde bevolking' })));
    expect(error.message).toMatch(/^bron cbs-statline: maat M000352 heet 'Gemiddelde bevolking' in https:\/\/datasets\.cbs\.nl\/odata\/v1\/CBS\/03759ned\/MeasureCodes\?.*, verwacht 'Bevolking op 1 januari'; is de tabel veranderd\?$/);
  });

  it('a table whose groups are not where the description says is a structural change that names the group', async () => {
    const flat = (url: string, body: string) => (url.includes('/DataProperties') ? body.replace('"Lokaliseringen van gemeenten"', '"Indelingen"') : body);
    const error = await errorOfCall(() => fetchAndParse(answers(), () => {}, flat));
    expect(error.message).toBe(
      "bron cbs-statline: onderwerpgroep 'Lokaliseringen van gemeenten / Provincies' niet (eenduidig) gevonden in https://opendata.cbs.nl/ODataApi/odata/86059NED/DataProperties?$format=json; is de tabel veranderd?",
    );
  });
});

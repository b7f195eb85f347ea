/**
 * Acceptance: `lsp-monitor fetch --online --source cbs-statline` against a local HTTP server on
 * 127.0.0.1 that answers in the real CBS shapes (catalogue, DataProperties with nested groups,
 * padded TypedDataSet, v4 MeasureCodes and paged Observations) yields the 2026 division, 342
 * municipalities in 12 provinces, and the population of each.
 *
 * What the server serves: the real reference data (sources/reference/cbs/). The 2026 table
 * (86247NED) carries the 2025 division, because there were no municipal mergers on 1 January 2026
 * (342 municipalities in both); that table's content is therefore derived, not recorded. The
 * newest population in the reference data is 1 January 2024, so the server has no 2025 or 2026
 * figures, and the fetch says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../../pipeline/cli/command.ts';
import { createFetchCommand } from '../../../pipeline/cli/commands/fetch.ts';
import { cbsStatline } from '../../../sources/adapters/cbs-statline.ts';
import { latestGoodSnapshot, readSnapshot } from '../../../sources/archive/read-snapshot.ts';
import { createHttpClient } from '../../../sources/fetch/http-client.ts';
import { parseFetchSettings } from '../../../sources/settings/fetch-settings.ts';
import { type CbsAnswers, cbsAnswer, referenceMunicipalities, referencePopulation } from '../../fixtures/sources/cbs-statline-responses.ts';
import { scratch } from '../archive/helpers.ts';

const data: CbsAnswers = {
  ...referencePopulation(),
  catalogue: [
    { Identifier: '85755NED', Title: 'Gebieden in Nederland 2024' },
    { Identifier: '86059NED', Title: 'Gebieden in Nederland 2025' },
    { Identifier: '86097NED', Title: 'Woonplaatsen in Nederland 2025' },
    { Identifier: '86247NED', Title: 'Gebieden in Nederland 2026' },
  ],
  tables: [
    { id: '85755NED', year: 2024, municipalities: referenceMunicipalities(2024), provincePosition: 13 },
    { id: '86059NED', year: 2025, municipalities: referenceMunicipalities(2025), provincePosition: 12 },
    { id: '86247NED', year: 2026, municipalities: referenceMunicipalities(2025), provincePosition: 11 },
  ],
  measureTitle: 'Bevolking op 1 januari',
  pageSizes: { observations: 200, typedDataSet: 150 },
};

let server: Server;
let origin: string;
const asked: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const answer = cbsAnswer(data, `${origin}${request.url ?? '/'}`);
    response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetch --online, CBS StatLine from a local server in the real shapes', () => {
  it('yields 342 municipalities in 12 provinces for 2026 and the population of each', async () => {
    const archive = scratch();
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) };
    const command = createFetchCommand({
      adapters: () => [cbsStatline],
      createHttp: (log) =>
        createHttpClient({ settings: parseFetchSettings({ userAgentContact: 'monitor@example.org', retries: 0, minDelayMs: 0 }, 'test.json'), log }),
      sourceSettings: () => ({
        populationBaseUrl: `${origin}/odata/v1/CBS`,
        catalogueUrl: `${origin}/ODataCatalog/Tables`,
        gebiedenBaseUrl: `${origin}/ODataApi/odata`,
      }),
      bundledDir: () => scratch('lsp-bundled-'),
      isTty: () => false,
      write: () => {},
    });
    await command.run({ values: { online: true, source: 'cbs-statline', archive }, positionals: [] }, io);

    expect(err).toEqual([]);
    const said = out.map((line) => line.replace(/^\S+ \S+ /, ''));
    expect(said).toContain('[1/1] cbs-statline: Gebieden in Nederland 2026 (86247NED): 342 gemeenten in 12 provincies');
    expect(said).toContain('[1/1] cbs-statline: bevolking op 1 januari 2024: 342 gemeenten');
    expect(said).toContain('[1/1] cbs-statline: bevolking op 1 januari 2026: nog geen cijfers bij CBS');
    expect(said.at(-1)).toMatch(/^\[1\/1\] bron cbs-statline: nieuwe momentopname, \d+ bestanden \(\d+ nieuw\), \d+ records, 0 afgekeurd$/);
    expect(asked[0]).toBe('/robots.txt');
    expect(asked.some((path) => path.includes('86097NED'))).toBe(false);
    expect(asked.filter((path) => path.includes('/Observations')).length).toBeGreaterThan(1);

    const info = await latestGoodSnapshot(archive, cbsStatline.id);
    expect(info).toBeDefined();
    const { records } = await cbsStatline.parse(await readSnapshot(info?.dir ?? ''));
    const division = records.flatMap(({ record }) => (record.table === 'gebieden' && record.year === 2026 ? [record] : []));
    expect(division).toHaveLength(342);
    expect(new Set(division.map((record) => record.province)).size).toBe(12);
    const population = new Map(records.flatMap(({ record }) => (record.table === 'bevolking' && record.year === 2024 ? [[record.gm_code, record.population] as const] : [])));
    expect(division.filter((record) => !population.has(record.gm_code))).toEqual([]);
    expect(population.get('GM0363')).toBe(931_298);
    expect([...population.values()].reduce((sum, inhabitants) => sum + inhabitants, 0)).toBe(17_942_942);
  });
});

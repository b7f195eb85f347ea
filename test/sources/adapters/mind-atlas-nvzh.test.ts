import { describe, expect, it } from 'vitest';
import type { HttpClient, Snapshot } from '../../../sources/adapter.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { MIND_ATLAS_SITE, MindAtlasSettings } from '../../../sources/adapters/mind-atlas.site.ts';
import { nvzh } from '../../../sources/adapters/nvzh.ts';
import { NVZH_SITE, NvzhSettings } from '../../../sources/adapters/nvzh.site.ts';
import { organisationEmail, organisationPhone } from '../../../sources/adapters/personal-data.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOfCall, replaced } from './helpers.ts';

const ATLAS_WHERE = `${MIND_ATLAS_SITE.startUrl} (categorie 'Zelfregie- en herstelcentra')`;

function withBodies(snapshot: Snapshot, change: (bytes: Uint8Array) => Uint8Array): Snapshot {
  return { ...snapshot, files: snapshot.files.map((file) => ({ ...file, bytes: change(file.bytes) })) };
}

describe('personal data', () => {
  it.each([
    ['info@voorbeeld.example', 'info@voorbeeld.example'],
    ['mailto:Contact@Voorbeeld.example?subject=Hallo', 'contact@voorbeeld.example'],
    ['inloop-zwolle@voorbeeld.example', 'inloop-zwolle@voorbeeld.example'],
    ['secretariaat.kampen@voorbeeld.example', 'secretariaat.kampen@voorbeeld.example'],
    ['anna@voorbeeld.example', undefined],
    ['a.jansen@voorbeeld.example', undefined],
    ['information.anna@voorbeeld.example', undefined],
    ['geen adres', undefined],
  ])('e-mail %s → %s', (input, expected) => {
    expect(organisationEmail(input)).toBe(expected);
  });

  it.each([
    ['020-1234567', '020-1234567'],
    ['tel:088 123 45 67', '088 123 45 67'],
    ['06-12345678', undefined],
    ['+31 6 1234 5678', undefined],
    ['0031612345678', undefined],
    ['tel:+31612345678', undefined],
  ])('telefoon %s → %s', (input, expected) => {
    expect(organisationPhone(input)).toBe(expected);
  });

  it('MIND-atlas: a contact person, a personal e-mail address and a mobile number do not come out; role addresses and landlines do', async () => {
    const { records } = await mindAtlas.parse(await readFixtureSnapshot(FIXTURES.mindPersonalData));
    const text = JSON.stringify(records);
    for (const personal of ['Jansen', 'Anna', 'Bakker', 'a.jansen', '12345678', 'Contactpersoon']) expect(text).not.toContain(personal);
    expect(records.map(({ record }) => record.extra)).toEqual([
      { bronId: '9001', categorie: 'Zelfhulp- en lotgenotenorganisaties; Zelfregie- en herstelcentra' },
      { bronId: '9002', categorie: 'zelfregie- en herstelcentra', email: 'info@herstelhuis.example', telefoon: '038-1234567' },
      { bronId: '9004', categorie: 'Zelfregie- en herstelcentra', email: 'inloop-kampen@voorbeeld.example' },
    ]);
  });

  it('NVZH: the same for the store locator, whose description and hours are never read', async () => {
    const { records } = await nvzh.parse(await readFixtureSnapshot(FIXTURES.nvzhPersonalData));
    const text = JSON.stringify(records);
    for (const personal of ['Vries', 'j.devries', '1234 5678', 'Contactpersoon', 'Jan']) expect(text).not.toContain(personal);
    expect(records.map(({ record }) => record.extra)).toEqual([
      { bronId: '101', lat: '52.5125', lng: '6.0944' },
      { bronId: '102', email: 'info@inloophuis.example', telefoon: '0570-123456' },
      { bronId: '103', email: 'secretariaat.kampen@voorbeeld.example' },
    ]);
  });

  it('NVZH member list: the contact person and a personal address do not come out', async () => {
    const text = JSON.stringify((await nvzh.parse(await readFixtureSnapshot(FIXTURES.nvzhMemberList))).records);
    for (const personal of ['Vries', 'j.devries', 'mail Jan']) expect(text).not.toContain(personal);
  });
});

describe('MIND-atlas', () => {
  it('reads every page, keeps organisation data, skips other categories and rejects an entry without a name', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.mindPersonalData);
    const { records, rejects } = await mindAtlas.parse(snapshot);
    const [page1, page2] = snapshot.files;
    expect(records.map(({ record, origin }) => [origin, record.name, record.place])).toEqual([
      [`${page1?.name}#1`, 'Voorbeeldsteunpunt De Brug (fictief)', 'Utrecht'],
      [`${page1?.name}#2`, 'Herstelhuis Voorbeeld (fictief)', 'Zwolle'],
      [`${page2?.name}#1`, 'Inloop Het Voorbeeld (fictief)', 'Kampen'],
    ]);
    expect(records[0]?.record).toMatchObject({
      organisation: 'Stichting Voorbeeld',
      address: 'Voorbeeldstraat 1',
      postcode: '3511 AA',
      municipality: 'Utrecht',
      website: 'https://debrug.example/',
      status: 'actief',
    });
    expect(rejects).toEqual([{ source: 'mind-atlas', file: page2?.name, row: 2, field: 'naam', reason: 'naam ontbreekt' }]);
  });

  it('a changed page with no entries says which page', async () => {
    const snapshot = await readBundledSnapshot(mindAtlas.id);
    const error = await errorOfCall(() => mindAtlas.parse(withBodies(snapshot, (bytes) => replaced(bytes, /atlas-result"/g, 'atlas-item"'))));
    expect(error.message).toBe(`bron mind-atlas: geen enkele locatie gevonden op ${MIND_ATLAS_SITE.startUrl}; is de pagina veranderd?`);
  });

  it('entries in no longer the right category: none found', async () => {
    const snapshot = await readBundledSnapshot(mindAtlas.id);
    const error = await errorOfCall(() => mindAtlas.parse(withBodies(snapshot, (bytes) => replaced(bytes, /<li>Zelfregie- en herstelcentra<\/li>/g, '<li>Herstel</li>'))));
    expect(error.message).toBe(`bron mind-atlas: geen enkele locatie gevonden op ${ATLAS_WHERE}; is de pagina veranderd?`);
  });

  it('a place missing in most entries is a structural change, not a list of rejects', async () => {
    const snapshot = await readBundledSnapshot(mindAtlas.id);
    const changed = withBodies(snapshot, (bytes) => replaced(bytes, /atlas-result__(place|postcode|municipality)/g, 'atlas-result__adres'));
    const error = await errorOfCall(() => mindAtlas.parse(changed));
    expect(error.message).toBe(
      `bron mind-atlas: plaats (of postcode of gemeente) ontbreekt bij 178 van de 178 locaties op ${ATLAS_WHERE}; is de pagina veranderd?`,
    );
  });

  it('starts at the start URL of its settings, in fetch and (as recorded in the snapshot) in parse', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.mindPersonalData);
    const moved = 'https://atlas.example/lijst?categorie=zelfregie-en-herstelcentra';
    const requested: string[] = [];
    const http: HttpClient = {
      // the fixture's pages, in order, as if the atlas had moved
      get: async (url) => {
        const page = snapshot.files[requested.push(url) - 1];
        return { url, status: 200, contentType: page?.contentType ?? '', body: page?.bytes ?? new Uint8Array() };
      },
    };
    const fetched = await mindAtlas.fetch({ http, settings: MindAtlasSettings.parse({ startUrl: moved }), log: () => undefined });
    expect(requested).toEqual([moved, `${moved}&pagina=2`]);
    const recorded: Snapshot = { ...snapshot, settings: { startUrl: moved }, files: fetched.map(toRawFile) };
    const parsed = await mindAtlas.parse(recorded);
    expect(parsed.records.map(({ record }) => record.name)).toEqual((await mindAtlas.parse(snapshot)).records.map(({ record }) => record.name));
    expect((await errorOfCall(() => mindAtlas.parse({ ...snapshot, settings: { startUrl: moved } }))).message).toBe(
      `bron mind-atlas: de snapshot mist ${moved}; is de bron veranderd of is de snapshot onvolledig?`,
    );
  });

  it('a page linking back to an earlier one is an error, not an endless fetch', async () => {
    const snapshot = await readFixtureSnapshot(FIXTURES.mindPersonalData);
    const looped = withBodies(snapshot, (bytes) => replaced(bytes, 'rel="prev"', 'rel="next"'));
    const error = await errorOfCall(() => mindAtlas.parse(looped));
    expect(error.message).toBe(
      `bron mind-atlas: de link naar het vervolg in ${MIND_ATLAS_SITE.startUrl}&pagina=2 wijst terug naar ${MIND_ATLAS_SITE.startUrl}`,
    );
  });
});

describe('NVZH', () => {
  it('decodes WordPress entities in names and normalises postcodes', async () => {
    const { records } = await nvzh.parse(await readFixtureSnapshot(FIXTURES.nvzhPersonalData));
    expect(records.map(({ record }) => [record.name, record.postcode, record.place, record.municipality, record.address])).toEqual([
      ['Herstelpunt Voorbeeld & Co (fictief)', '8011 AA', 'Zwolle', 'Zwolle', 'Voorbeeldlaan 5'],
      ['Inloophuis Voorbeeld (fictief)', undefined, 'Deventer', undefined, undefined],
      ['Zelfregiecentrum Voorbeeld – Kampen (fictief)', '8261', 'Kampen', 'Kampen', undefined],
    ]);
  });

  it.each([
    ['an empty list', { status: 200, body: '[]' }],
    ['an error page', { status: 500, body: '<h1>Fout</h1>' }],
    ['an answer in another shape', { status: 200, body: '{"stores":[]}' }],
  ])('falls back to the member list when the store locator gives %s', async (_, answer) => {
    const snapshot = await readFixtureSnapshot(FIXTURES.nvzhMemberList);
    const [memberList] = snapshot.files;
    const log: string[] = [];
    const http: HttpClient = {
      async get(url) {
        if (url === NVZH_SITE.storeSearch.url) return { url, status: answer.status, contentType: 'application/json', body: new TextEncoder().encode(answer.body) };
        return { url, status: 200, contentType: memberList?.contentType ?? '', body: memberList?.bytes ?? new Uint8Array() };
      },
    };
    const files = await nvzh.fetch({ http, settings: NvzhSettings.parse({}), log: (line) => log.push(line) });
    expect(files.map((file) => file.url)).toEqual([NVZH_SITE.memberList.url]);
    expect(log.some((line) => line.startsWith('nvzh: store locator onbruikbaar ('))).toBe(true);
  });

  it('a snapshot with neither the store locator nor the member list names both', async () => {
    const snapshot: Snapshot = {
      source: 'nvzh',
      adapterVersion: 1,
      fetchedAt: '2024-10-01T00:00:00Z',
      files: [{ name: 'x.html', url: 'https://nvzh.nl/', status: 200, contentType: 'text/html', bytes: new Uint8Array(), sha256: 'x' }],
    };
    expect((await errorOfCall(() => nvzh.parse(snapshot))).message).toBe(
      `bron nvzh: de snapshot bevat noch ${NVZH_SITE.storeSearch.url} noch ${NVZH_SITE.memberList.url}`,
    );
  });
});

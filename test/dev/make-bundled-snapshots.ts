/**
 * Builds the bundled snapshots under sources/snapshots/<source>/ and the ground truth of the
 * MIND-atlas / NVZH split, test/fixtures/sources/galan2024-truth.csv. Run once after a change,
 * and commit what it writes:
 *
 *   npx tsx test/dev/make-bundled-snapshots.ts               (all)
 *   npx tsx test/dev/make-bundled-snapshots.ts cbs-statline  (only CBS)
 *
 * Nothing here is recorded from a live site. The pages have the shape the site descriptions
 * (sources/adapters/*.site.ts) expect; their content is real:
 * - MIND-atlas and NVZH: the 278 steunpunten of the 2024 inventory
 *   (sources/inventories/galan2024/locations.csv), split over the two sources the way the De Galan
 *   report describes them, with a fixed seed. Postcodes (four digits) and coordinates are taken
 *   from sources/reference/cbs/pc4_centroids.csv for the place; street addresses, websites, e-mail
 *   addresses and phone numbers are never made up, so the pages have none.
 * - CBS StatLine: sources/reference/cbs/population.csv and municipalities_2024/2025.csv, in the
 *   real response shapes of the OData v4 and v3 APIs (test/fixtures/sources/cbs-statline-responses.ts,
 *   also what the local server of the `fetch --online` test answers).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { z } from 'zod';
import type { ParseResult, RawFile, Snapshot, WebSourceAdapter } from '../../sources/adapter.ts';
import { cbsStatline } from '../../sources/adapters/cbs-statline.ts';
import { CbsStatlineSettings } from '../../sources/adapters/cbs-statline.site.ts';
import { mindAtlas } from '../../sources/adapters/mind-atlas.ts';
import { MIND_ATLAS_SITE } from '../../sources/adapters/mind-atlas.site.ts';
import { nvzh } from '../../sources/adapters/nvzh.ts';
import { NVZH_SITE } from '../../sources/adapters/nvzh.site.ts';
import { PROVINCES } from '../../sources/reference/provinces.ts';
import type { InventoryRecord } from '../../sources/schema.ts';
import { toRawFile } from '../../sources/archive/raw-file.ts';
import { writeVerdict } from '../../sources/archive/verdict.ts';
import { writeSnapshot } from '../../sources/archive/write-snapshot.ts';
import { type CbsAnswers, cbsAnswer, referenceMunicipalities, referencePopulation } from '../fixtures/sources/cbs-statline-responses.ts';

const SNAPSHOTS_ROOT = fileURLToPath(new URL('../../sources/snapshots/', import.meta.url));
const TRUTH_FILE = fileURLToPath(new URL('../fixtures/sources/galan2024-truth.csv', import.meta.url));
const INVENTORY_FETCHED_AT = '2024-10-01T00:00:00Z';
const CBS_FETCHED_AT = '2025-01-15T00:00:00Z';
const SEED = 278;
const MIND_PAGE_SIZE = 50;

function readCsv(relative: string): Record<string, string>[] {
  const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

// ---------------------------------------------------------------------------------------------
// A seeded choice (mulberry32), so every run writes the same bytes.
// ---------------------------------------------------------------------------------------------

const random = (() => {
  let state = SEED;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const chance = (probability: number) => random() < probability;

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted<T>(options: readonly (readonly [T, number])[]): T {
  let roll = random() * options.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [option, weight] of options) {
    roll -= weight;
    if (roll < 0) return option;
  }
  return pick(options)[0];
}

/** Distinct ids that look like a site's own (atlas ids, WordPress post ids). */
function idMaker(min: number, max: number): () => number {
  const used = new Set<number>();
  return () => {
    for (;;) {
      const id = min + Math.floor(random() * (max - min));
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The 2024 inventory, with what the reference data says about each place.
// ---------------------------------------------------------------------------------------------

interface SeedRow {
  /** 1-based data row of locations.csv. */
  row: number;
  izaRegion: string;
  organisation: string;
  name: string;
  city: string;
  municipality: string;
  /** PC4 areas of the place that lie in the row's municipality (none when the place is ambiguous or unknown). */
  pc4: { pc4: string; lat: string; lon: string }[];
  /** The municipality the place belonged to in 2014, when that name is no longer a municipality's. */
  formerMunicipality: string | undefined;
  /** Today's municipality of the place, when the report gives an older name. */
  currentMunicipality: string | undefined;
}

const comparable = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[‘’]/g, "'")
    .replace(/\s*\([^)]*\)$/, '')
    .toLowerCase()
    .trim();

function seedRows(): SeedRow[] {
  const pc4ByPlace = new Map<string, Record<string, string>[]>();
  for (const area of readCsv('../../sources/reference/cbs/pc4_centroids.csv')) {
    const key = comparable(area.woonplaats ?? '');
    pc4ByPlace.set(key, [...(pc4ByPlace.get(key) ?? []), area]);
  }
  return readCsv('../../sources/inventories/galan2024/locations.csv').map((line, index): SeedRow => {
    const municipality = line.municipality_as_written ?? '';
    const written = comparable(municipality);
    // Only areas that agree with the municipality the report gives: never guess between two places of one name.
    const areas = (pc4ByPlace.get(comparable(line.city ?? '')) ?? []).filter((area) => {
      const current = comparable(area.gm_name ?? '');
      const former = comparable(area.gemeente_2014 ?? '');
      return written !== '' && (written === current || written === former || written.split(/\s*\/\s*/).includes(former));
    });
    const formerNames = new Set(areas.map((area) => area.gemeente_2014 ?? ''));
    const [former] = formerNames;
    const outdated =
      formerNames.size === 1 && former !== undefined && areas.every((area) => comparable(area.gm_name ?? '') !== comparable(former));
    const currentNames = new Set(areas.map((area) => area.gm_name ?? ''));
    const [current] = currentNames;
    const renamed = currentNames.size === 1 && current !== undefined && comparable(current) !== written;
    return {
      row: index + 1,
      izaRegion: line.iza_region ?? '',
      organisation: line.organisation ?? '',
      name: line.location_name ?? '',
      city: line.city ?? '',
      municipality,
      pc4: areas.map((area) => ({ pc4: area.pc4 ?? '', lat: area.lat ?? '', lon: area.lon ?? '' })).sort((a, b) => a.pc4.localeCompare(b.pc4)),
      formerMunicipality: outdated ? former : undefined,
      currentMunicipality: renamed ? current : undefined,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Naming differences between the two sources.
// ---------------------------------------------------------------------------------------------

const withoutStichting = (name: string) => name.replace(/^stichting\s+/i, '');
const withStichting = (name: string) => (/^stichting\b/i.test(name) ? name : `Stichting ${name}`);
const withoutPart = (name: string) => name.replace(/\s*\((onderdeel van|vanuit|o\.a\.)[^)]*\)/i, '').trim();
const withoutLocatie = (name: string) => name.replace(/^locatie\s+/i, '');
const titleCase = (name: string) => name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());

function organisationVariant(organisation: string): string {
  return weighted<(name: string) => string>([
    [(name) => name, 50],
    [(name) => (/^stichting\b/i.test(name) ? withoutStichting(name) : withStichting(name)), 20],
    [withoutPart, 15],
    [(name) => (chance(0.5) ? name.toUpperCase() : titleCase(name)), 15],
  ])(organisation);
}

/** The name a location goes by in a list that also names its organisation. */
function locationVariant(row: SeedRow, organisationName: string): string {
  if (row.name === row.organisation) return organisationVariant(row.name);
  if (/^locatie\s/i.test(row.name)) {
    return weighted<() => string>([
      [() => row.name, 40],
      [() => `${organisationName} ${withoutLocatie(row.name)}`, 40],
      [() => `${organisationName} – ${row.name}`, 20],
    ])();
  }
  return chance(0.7) ? row.name : `${organisationName} ${row.name}`;
}

function municipalityVariant(row: SeedRow, absent: number): string | undefined {
  return weighted<() => string | undefined>([
    [() => row.municipality, 45],
    [() => row.formerMunicipality ?? row.municipality, row.formerMunicipality === undefined ? 0 : 25],
    [() => row.currentMunicipality ?? row.municipality, row.currentMunicipality === undefined ? 0 : 25],
    [() => row.city || row.municipality, 15],
    [() => undefined, absent],
  ])();
}

// ---------------------------------------------------------------------------------------------
// The split: MIND-atlas at location level, NVZH mostly per organisation.
// ---------------------------------------------------------------------------------------------

interface Entry {
  id: number;
  name: string;
  organisation?: string | undefined;
  place?: string | undefined;
  municipality?: string | undefined;
  pc4?: { pc4: string; lat: string; lon: string } | undefined;
  /** Seed rows the entry stands for. */
  rows: number[];
  orgLevel: boolean;
}

type NvzhMode = 'organisation' | 'locations' | 'some-locations' | 'absent';

function split(rows: readonly SeedRow[]): { mind: Entry[]; nvzh: Entry[] } {
  const groups = new Map<string, SeedRow[]>();
  for (const row of rows) {
    const key = `${row.izaRegion}|${row.organisation.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  const nvzhId = idMaker(2000, 9999);
  const nvzhEntries: Entry[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const mode: NvzhMode =
      group.length === 1
        ? weighted<NvzhMode>([['locations', 85], ['absent', 15]])
        : weighted<NvzhMode>([
            ['organisation', 55],
            // A hand-kept list of about 130 does not spell out twenty social walk-ins.
            ['locations', group.length > 6 ? 0 : 25],
            ['some-locations', 10],
            ['absent', 15],
          ]);
    if (mode === 'organisation') {
      const main = mainLocation(group);
      nvzhEntries.push({
        id: nvzhId(),
        name: organisationVariant(first.organisation),
        place: main.city || undefined,
        municipality: municipalityVariant(main, 20),
        pc4: chance(0.4) ? pickPc4(main) : undefined,
        rows: group.map((row) => row.row),
        orgLevel: true,
      });
    }
    if (mode === 'locations' || mode === 'some-locations') {
      const listed = mode === 'locations' ? group : group.filter(() => chance(0.5));
      const organisationName = organisationVariant(first.organisation);
      for (const row of listed.length === 0 ? [first] : listed) {
        nvzhEntries.push({
          id: nvzhId(),
          name: locationVariant(row, organisationName),
          place: row.city || undefined,
          municipality: municipalityVariant(row, 20),
          pc4: chance(0.4) ? pickPc4(row) : undefined,
          rows: [row.row],
          orgLevel: false,
        });
      }
    }
  }

  const coveredByNvzh = new Set(nvzhEntries.flatMap((entry) => entry.rows));
  const mindId = idMaker(1000, 9999);
  const mindEntries = rows
    .filter((row) => chance(0.58) || !coveredByNvzh.has(row.row))
    .map((row): Entry => {
      const organisationName = chance(0.8) ? row.organisation : withoutPart(withoutStichting(row.organisation));
      return {
        id: mindId(),
        name: locationVariant(row, organisationName),
        organisation: row.organisation === row.name && chance(0.5) ? undefined : organisationName,
        place: row.city || undefined,
        municipality: municipalityVariant(row, 40),
        pc4: chance(0.55) ? pickPc4(row) : undefined,
        rows: [row.row],
        orgLevel: false,
      };
    });
  const byName = (a: Entry, b: Entry) => a.name.localeCompare(b.name, 'nl') || a.id - b.id;
  return { mind: mindEntries.sort(byName), nvzh: nvzhEntries.sort(byName) };
}

/** Where an organisation is listed when it is listed once: its most frequent place, else its first. */
function mainLocation(group: readonly SeedRow[]): SeedRow {
  const counts = new Map<string, number>();
  for (const row of group) counts.set(row.city, (counts.get(row.city) ?? 0) + 1);
  const best = Math.max(...counts.values());
  const main = group.find((row) => row.city !== '' && counts.get(row.city) === best) ?? group[0];
  if (main === undefined) throw new Error('an organisation without locations');
  return main;
}

function pickPc4(row: SeedRow): SeedRow['pc4'][number] | undefined {
  return row.pc4.length === 0 ? undefined : pick(row.pc4);
}

// ---------------------------------------------------------------------------------------------
// Pages in the shape of the site descriptions.
// ---------------------------------------------------------------------------------------------

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const utf8 = (text: string) => new TextEncoder().encode(text);

/** MIND-atlas list pages; the selectors are those of sources/adapters/mind-atlas.site.ts. */
function mindPages(entries: readonly Entry[]): RawFile[] {
  const pageCount = Math.ceil(entries.length / MIND_PAGE_SIZE);
  const pageHref = (page: number) => `?categorie=zelfregie-en-herstelcentra${page === 1 ? '' : `&pagina=${page}`}`;
  return Array.from({ length: pageCount }, (_, index) => {
    const page = index + 1;
    const items = entries.slice(index * MIND_PAGE_SIZE, page * MIND_PAGE_SIZE).map((entry) => {
      const line = (className: string, text: string | undefined, tag = 'p') =>
        text === undefined ? '' : `\n      <${tag} class="atlas-result__${className}">${escapeHtml(text)}</${tag}>`;
      return [
        `    <li class="atlas-result" data-atlas-id="${entry.id}">`,
        `      <h2 class="atlas-result__name">${escapeHtml(entry.name)}</h2>${line('organisation', entry.organisation)}`,
        `      <ul class="atlas-result__categories"><li>${escapeHtml(MIND_ATLAS_SITE.category)}</li></ul>`,
        `      <address>${line('postcode', entry.pc4?.pc4, 'span')}${line('place', entry.place, 'span')}\n      </address>${line('municipality', entry.municipality)}`,
        '    </li>',
      ].join('\n');
    });
    const links = [
      page > 1 ? `<a rel="prev" href="${escapeHtml(pageHref(page - 1))}">Vorige</a>` : '',
      page < pageCount ? `<a rel="next" href="${escapeHtml(pageHref(page + 1))}">Volgende</a>` : '',
    ].join(' ');
    const html = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>MIND-atlas – ${escapeHtml(MIND_ATLAS_SITE.category)} – pagina ${page}</title>
</head>
<body>
<main>
  <h1>MIND-atlas</h1>
  <p class="atlas-count">${entries.length} resultaten in de categorie ${escapeHtml(MIND_ATLAS_SITE.category)}</p>
  <ul class="atlas-results">
${items.join('\n')}
  </ul>
  <nav class="atlas-pagination">${links.trim()}</nav>
</main>
</body>
</html>
`;
    const url = new URL(pageHref(page), MIND_ATLAS_SITE.startUrl).toString();
    return toRawFile({ url, status: 200, contentType: 'text/html; charset=utf-8', bytes: utf8(html) });
  });
}

/** WordPress writes "&" and "–" in titles as entities. */
const wordpressTitle = (text: string) => text.replace(/&/g, '&#038;').replace(/–/g, '&#8211;');

/** The store locator's answer; keys as in sources/adapters/nvzh.site.ts (WP Store Locator's own). */
function nvzhStores(entries: readonly Entry[]): RawFile {
  const stores = entries.map((entry) => ({
    address: '',
    address2: '',
    city: entry.place ?? '',
    state: entry.municipality ?? '',
    zip: entry.pc4?.pc4 ?? '',
    country: 'Nederland',
    lat: entry.pc4?.lat ?? '',
    lng: entry.pc4?.lon ?? '',
    phone: '',
    fax: '',
    email: '',
    hours: '',
    url: '',
    id: String(entry.id),
    store: wordpressTitle(entry.name),
    thumb: '',
  }));
  return toRawFile({
    url: NVZH_SITE.storeSearch.url,
    status: 200,
    contentType: 'application/json; charset=UTF-8',
    bytes: utf8(JSON.stringify(stores)),
  });
}

// ---------------------------------------------------------------------------------------------
// CBS StatLine responses from the bundled reference CSVs.
// ---------------------------------------------------------------------------------------------

/**
 * What CBS had on the day of this recording (2025-01-15): the Gebieden tables of 2024 and 2025,
 * not yet 2026, and population up to 1 January 2024 (the reference data has no later figures).
 */
function cbsAnswersOfTheDay(): CbsAnswers {
  return {
    ...referencePopulation(),
    catalogue: [
      { Identifier: '85755NED', Title: 'Gebieden in Nederland 2024' },
      { Identifier: '86059NED', Title: 'Gebieden in Nederland 2025' },
    ],
    tables: [
      { id: '85755NED', year: 2024, municipalities: referenceMunicipalities(2024), provincePosition: 13 },
      { id: '86059NED', year: 2025, municipalities: referenceMunicipalities(2025), provincePosition: 12 },
    ],
    measureTitle: 'Bevolking op 1 januari',
    pageSizes: { observations: 300, typedDataSet: 200 },
  };
}

/** The adapter's own fetch against a client that answers from the reference data in the real shapes. */
async function cbsFiles(): Promise<RawFile[]> {
  const data = cbsAnswersOfTheDay();
  const files: RawFile[] = [];
  await cbsStatline.fetch({
    http: {
      get: async (url) => {
        const answer = cbsAnswer(data, url);
        const body = utf8(answer.body);
        files.push(toRawFile({ url, status: answer.status, contentType: answer.contentType, bytes: body }));
        return { url, status: answer.status, contentType: answer.contentType, body };
      },
    },
    settings: CbsStatlineSettings.parse({}),
    log: (line) => console.log(line),
  });
  return files;
}

// ---------------------------------------------------------------------------------------------
// Writing it all.
// ---------------------------------------------------------------------------------------------

/**
 * Parses the snapshot (it must have no rejects) and writes it with the archive's own writer, as
 * `lsp-monitor fetch --online` would: settings are the adapter's defaults, the verdict is good.
 */
async function bundle<S extends z.ZodType>(adapter: WebSourceAdapter<S>, fetchedAt: string, files: RawFile[]): Promise<ParseResult<z.infer<S>>> {
  const at = new Date(fetchedAt);
  const settings = adapter.settingsSchema.parse({});
  const snapshot: Snapshot = { source: adapter.id, adapterVersion: adapter.version, fetchedAt: at.toISOString(), settings, files };
  const parsed = await adapter.parse(snapshot);
  if (parsed.rejects.length > 0) throw new Error(`${adapter.id}: the bundled snapshot has rejects: ${JSON.stringify(parsed.rejects[0])}`);
  await rm(join(SNAPSHOTS_ROOT, adapter.id), { recursive: true, force: true });
  const { info } = await writeSnapshot(SNAPSHOTS_ROOT, { source: adapter.id, adapterVersion: adapter.version, fetchedAt: at, settings, files });
  await writeVerdict(info.dir, {
    good: true,
    parsedAt: at.toISOString(),
    adapterVersion: adapter.version,
    records: parsed.records.length,
    rejects: parsed.rejects.length,
  });
  console.log(`${adapter.id}: ${files.length} bestanden, ${parsed.records.length} records → ${info.dir}`);
  return parsed;
}

interface TruthLine {
  source: string;
  origin: string;
  rows: number[];
  orgLevel: boolean;
  name: string;
}

/** Which seed rows each parsed record stands for, matched on the source's own id (extra.bronId). */
function truthOf(source: string, parsed: ParseResult<InventoryRecord>, entries: readonly Entry[]): TruthLine[] {
  const byId = new Map(entries.map((entry) => [String(entry.id), entry]));
  return parsed.records.map(({ record, origin }) => {
    const entry = byId.get(record.extra.bronId ?? '');
    if (entry === undefined) throw new Error(`${source}: record ${origin} has no entry`);
    return { source, origin, rows: entry.rows, orgLevel: entry.orgLevel, name: record.name };
  });
}

async function main(only: string | undefined): Promise<void> {
  // `make-bundled-snapshots.ts cbs-statline` rewrites only the CBS snapshot.
  if (only === cbsStatline.id) {
    await bundle(cbsStatline, CBS_FETCHED_AT, await cbsFiles());
    return;
  }
  if (only !== undefined) throw new Error(`unknown source ${only}; give none or ${cbsStatline.id}`);
  const rows = seedRows();
  const { mind, nvzh: nvzhEntries } = split(rows);
  const truth = [
    ...truthOf(mindAtlas.id, await bundle(mindAtlas, INVENTORY_FETCHED_AT, mindPages(mind)), mind),
    ...truthOf(nvzh.id, await bundle(nvzh, INVENTORY_FETCHED_AT, [nvzhStores(nvzhEntries)]), nvzhEntries),
  ];
  await bundle(cbsStatline, CBS_FETCHED_AT, await cbsFiles());

  const covered = (source: string) => new Set(truth.filter((line) => line.source === source).flatMap((line) => line.rows));
  const inMind = covered(mindAtlas.id);
  const inNvzh = covered(nvzh.id);
  const uncovered = rows.filter((row) => !inMind.has(row.row) && !inNvzh.has(row.row));
  if (uncovered.length > 0) throw new Error(`rows in neither source: ${uncovered.map((row) => row.row).join(', ')}`);
  const both = rows.filter((row) => inMind.has(row.row) && inNvzh.has(row.row)).length;
  console.log(
    `MIND-atlas ${mind.length} entries, NVZH ${nvzhEntries.length} entries (${nvzhEntries.filter((entry) => entry.orgLevel).length} per organisatie); ` +
      `rijen in beide ${both}, alleen MIND ${inMind.size - both}, alleen NVZH ${inNvzh.size - both}`,
  );

  const csv = Papa.unparse(
    truth.map((line) => ({
      source: line.source,
      origin: line.origin,
      seed_rows: line.rows.join(';'),
      org_level: line.orgLevel ? 'true' : 'false',
      name: line.name,
    })),
    { newline: '\n' },
  );
  await mkdir(dirname(TRUTH_FILE), { recursive: true });
  await writeFile(TRUTH_FILE, `${csv}\n`);
  console.log(`${truth.length} regels → ${TRUTH_FILE}`);
}

await main(process.argv[2]);

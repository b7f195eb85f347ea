/**
 * CBS StatLine: population per municipality (OData v4, table and measure in the site description)
 * and municipality → province from "Gebieden in Nederland <year>" (OData v3, looked up in the
 * catalogue by title). Site details live in cbs-statline.site.ts; addresses, the population table
 * and the years are settings (defaults in the description), applied with `siteWith`.
 *
 * Fetch and parse walk the same URLs (cbs-statline.urls.ts) with one function, `walk`: parse
 * rebuilds every URL from the description with the settings recorded in the snapshot and the
 * earlier responses in the snapshot (table id, topic keys, nextLinks). A year's table that the
 * catalogue does not have yet (a year after the newest one found) is skipped and said so; one
 * missing before a year that is there is a structural change. A population year without any
 * observation is one CBS has not published yet: fetch says so per year.
 */
import { z } from 'zod';
import type { ParseResult, RawFile, WebAdapterOfKind } from '../adapter.ts';
import { PROVINCES } from '../reference/provinces.ts';
import { CbsStatlineRecord, type Reject } from '../schema.ts';
import { type CbsStatlineSite, CbsStatlineSettings, siteWith } from './cbs-statline.site.ts';
import { cbsUrls, type TopicKeys } from './cbs-statline.urls.ts';
import { type Chain, fetchChain, snapshotChain } from './link-chain.ts';
import { bodyJson, type FetchedFile, fetchOk, SnapshotFiles, snapshotSettings, sourceError } from './source-io.ts';

const ID = 'cbs-statline';
const JSON_TYPE = 'application/json';

const Row = z.record(z.string(), z.unknown());
const V4Page = z.object({ value: z.array(Row), '@odata.nextLink': z.string().optional() });
const V3Page = z.object({ value: z.array(Row), 'odata.nextLink': z.string().optional() });
const CodeList = z.object({
  value: z.array(z.object({ Identifier: z.string(), Title: z.string() })),
  '@odata.nextLink': z.string().optional(),
});
const Catalogue = z.object({ value: z.array(z.object({ Identifier: z.string(), Title: z.string() })) });
const DataProperties = z.object({
  value: z.array(z.object({ ID: z.number(), ParentID: z.number().nullable(), Type: z.string(), Key: z.string(), Title: z.string() })),
});

const v4Chain = (site: CbsStatlineSite, first: string): Chain => ({
  first,
  next: (file) => resolveLink(bodyJson(ID, file, V4Page)['@odata.nextLink'], file.url),
  max: site.maxPages,
});

const v3Chain = (site: CbsStatlineSite, first: string): Chain => ({
  first,
  next: (file) => resolveLink(bodyJson(ID, file, V3Page)['odata.nextLink'], file.url),
  max: site.maxPages,
});

const resolveLink = (link: string | undefined, from: string) => (link === undefined ? undefined : new URL(link, from).toString());

// --- What earlier responses decide -----------------------------------------------------------

/** The measure by its code; its title must still start with the description's title (some versions append a unit). */
function measureCode(site: CbsStatlineSite, codes: z.infer<typeof CodeList>, url: string): string {
  const { measureCode: code, measureTitle: title } = site.population;
  const matches = codes.value.filter((measure) => measure.Identifier.trim() === code);
  const [measure] = matches;
  if (matches.length !== 1 || measure === undefined) throw sourceError(ID, `maat ${code} niet (eenduidig) gevonden in ${url}; is de tabel veranderd?`);
  if (!measure.Title.trim().startsWith(title)) {
    throw sourceError(ID, `maat ${code} heet '${measure.Title.trim()}' in ${url}, verwacht '${title}'; is de tabel veranderd?`);
  }
  return code;
}

/** The table's id by its exact title, or undefined when the catalogue does not (yet) have it. */
function tableId(title: string, catalogue: z.infer<typeof Catalogue>, url: string): string | undefined {
  const matches = catalogue.value.filter((table) => table.Title.trim() === title);
  if (matches.length > 1) {
    throw sourceError(ID, `meer dan één tabel '${title}' in de CBS-catalogus (${url}): ${matches.map((table) => table.Identifier.trim()).join(', ')}`);
  }
  return matches[0]?.Identifier.trim();
}

type Property = z.infer<typeof DataProperties>['value'][number];

/** The topic group at a path of titles from the top, following ParentID. */
function topicGroup(properties: readonly Property[], path: readonly string[], url: string): Property {
  let parent: number | null = null;
  let group: Property | undefined;
  for (const title of path) {
    const matches = properties.filter((property) => property.Type === 'TopicGroup' && property.ParentID === parent && property.Title.trim() === title);
    group = matches[0];
    if (matches.length !== 1 || group === undefined) {
      throw sourceError(ID, `onderwerpgroep '${path.join(' / ')}' niet (eenduidig) gevonden in ${url}; is de tabel veranderd?`);
    }
    parent = group.ID;
  }
  if (group === undefined) throw sourceError(ID, `lege onderwerpgroep in de beschrijving van ${url}`);
  return group;
}

function topicKeys(site: CbsStatlineSite, properties: z.infer<typeof DataProperties>, url: string): TopicKeys {
  const key = (path: readonly string[], topic: string) => {
    const group = topicGroup(properties.value, path, url);
    const matches = properties.value.filter((property) => property.Type === 'Topic' && property.ParentID === group.ID && property.Title.trim() === topic);
    const [found] = matches;
    if (matches.length !== 1 || found === undefined) {
      throw sourceError(ID, `onderwerp '${[...path, topic].join(' / ')}' niet (eenduidig) gevonden in ${url}; is de tabel veranderd?`);
    }
    return found.Key.trim();
  };
  const { municipalityGroup, provinceGroup, codeTopic, nameTopic } = site.gebieden;
  return {
    name: key(municipalityGroup, nameTopic),
    provinceCode: key(provinceGroup, codeTopic),
    provinceName: key(provinceGroup, nameTopic),
  };
}

// --- One walk for fetch (network) and parse (snapshot) ------------------------------------------

type PageFile = Pick<RawFile, 'name' | 'url' | 'bytes'>;

interface Walker {
  get(url: string): Promise<PageFile>;
  chain(chain: Chain): Promise<PageFile[]>;
}

interface GebiedenTable {
  year: number;
  id: string;
  keys: TopicKeys;
  first: string;
  pages: PageFile[];
}

interface Walked {
  observations: string;
  observationPages: PageFile[];
  regionCodePages: PageFile[];
  tables: GebiedenTable[];
  /** Years after the newest table found whose table the catalogue does not have yet. */
  unpublished: number[];
}

async function walk(site: CbsStatlineSite, walker: Walker): Promise<Walked> {
  const urls = cbsUrls(site);
  const measures = await walker.get(urls.measureCodes);
  const observations = urls.observations(measureCode(site, bodyJson(ID, measures, CodeList), measures.url));
  const observationPages = await walker.chain(v4Chain(site, observations));
  const regionCodePages = await walker.chain(v4Chain(site, urls.regionCodes));
  const tables: GebiedenTable[] = [];
  const missing: { year: number; url: string }[] = [];
  for (const year of [...site.gebieden.years].sort((a, b) => a - b)) {
    const catalogue = await walker.get(urls.catalogue(year));
    const id = tableId(urls.tableTitle(year), bodyJson(ID, catalogue, Catalogue), catalogue.url);
    if (id === undefined) {
      missing.push({ year, url: catalogue.url });
      continue;
    }
    const properties = await walker.get(urls.dataProperties(id));
    const keys = topicKeys(site, bodyJson(ID, properties, DataProperties), properties.url);
    const first = urls.typedDataSet(id, keys);
    tables.push({ year, id, keys, first, pages: await walker.chain(v3Chain(site, first)) });
  }
  // A table that is missing before a year that is there was removed or renamed; one after the newest is not published yet.
  const newest = tables.at(-1)?.year ?? Number.NEGATIVE_INFINITY;
  const gap = missing.find(({ year }) => year < newest) ?? (tables.length === 0 ? missing[0] : undefined);
  if (gap !== undefined) throw sourceError(ID, `tabel '${urls.tableTitle(gap.year)}' staat niet in de CBS-catalogus (${gap.url})`);
  return { observations, observationPages, regionCodePages, tables, unpublished: missing.map(({ year }) => year) };
}

function read(site: CbsStatlineSite, walked: Walked): ParseResult<CbsStatlineRecord> {
  const result: ParseResult<CbsStatlineRecord> = { records: [], rejects: [] };
  const names = new Map(
    walked.regionCodePages.flatMap((file) => bodyJson(ID, file, CodeList).value.map((code) => [code.Identifier.trim(), code.Title.trim()] as const)),
  );
  collect(result, walked.observations, walked.observationPages, V4Page, (row) => populationRow(site, row, names));
  for (const table of walked.tables) collect(result, table.first, table.pages, V3Page, (row) => gebiedenRow(site, row, table.keys, table.year));
  return result;
}

/** What a fetch found, in Dutch, one line each: per table its municipalities and provinces, per year the population. */
function summary(site: CbsStatlineSite, walked: Walked, records: readonly CbsStatlineRecord[]): string[] {
  const lines = walked.tables.map((table) => {
    const rows = records.filter((record) => record.table === 'gebieden' && record.year === table.year);
    const provinces = new Set(rows.map((record) => (record.table === 'gebieden' ? record.province : '')));
    return `${cbsUrls(site).tableTitle(table.year)} (${table.id}): ${rows.length} gemeenten in ${provinces.size} provincies`;
  });
  for (const year of walked.unpublished) lines.push(`${cbsUrls(site).tableTitle(year)} staat nog niet in de CBS-catalogus; dat jaar is overgeslagen`);
  for (const year of [...site.population.years].sort((a, b) => a - b)) {
    const count = records.filter((record) => record.table === 'bevolking' && record.year === year).length;
    lines.push(`bevolking op 1 januari ${year}: ${count === 0 ? 'nog geen cijfers bij CBS' : `${count} gemeenten`}`);
  }
  return lines;
}

// --- The adapter -------------------------------------------------------------------------------

export const cbsStatline: WebAdapterOfKind<'reference-table', typeof CbsStatlineSettings> = {
  id: ID,
  kind: 'reference-table',
  title: 'CBS StatLine: bevolking per gemeente en Gebieden in Nederland',
  origin: 'web',
  // 2: the real group titles and nesting, the measure by its code, tables not yet published skipped.
  version: 2,
  recordSchema: CbsStatlineRecord,
  settingsSchema: CbsStatlineSettings,

  async fetch(context) {
    const site = siteWith(context.settings);
    const files: FetchedFile[] = [];
    const kept = (file: FetchedFile): PageFile => (files.push(file), { ...file, name: file.url });
    const walked = await walk(site, {
      get: async (url) => kept(await fetchOk(context, ID, url, JSON_TYPE)),
      chain: async (chain) => (await fetchChain(context, ID, chain, JSON_TYPE)).map(kept),
    });
    const { records } = read(site, walked);
    for (const line of summary(site, walked, records.map(({ record }) => record))) context.log(`${ID}: ${line}`);
    return files;
  },

  async parse(snapshot) {
    const site = siteWith(snapshotSettings(ID, CbsStatlineSettings, snapshot));
    const files = new SnapshotFiles(ID, snapshot);
    return read(site, await walk(site, { get: async (url) => files.get(url), chain: async (chain) => snapshotChain(files, chain) }));
  },
};

type RowOutcome = { input: unknown } | { reject: { field: string; reason: string } } | 'skip';

/** Validates the rows of one linked chain of pages into `result`; an empty or mostly unusable chain is a structural change. */
function collect(
  result: ParseResult<CbsStatlineRecord>,
  where: string,
  pages: readonly PageFile[],
  shape: typeof V4Page | typeof V3Page,
  read: (row: z.infer<typeof Row>) => RowOutcome,
): void {
  let used = 0;
  const rejects: Reject[] = [];
  for (const file of pages) {
    for (const [index, row] of bodyJson(ID, file, shape).value.entries()) {
      const outcome = read(row);
      if (outcome === 'skip') continue;
      const at = { source: ID, file: file.name, row: index + 1 };
      if ('reject' in outcome) {
        rejects.push({ ...at, ...outcome.reject });
        continue;
      }
      const parsed = CbsStatlineRecord.safeParse(outcome.input);
      if (parsed.success) {
        used += 1;
        result.records.push({ record: parsed.data, origin: `${file.name}#${index + 1}` });
      } else {
        rejects.push(...parsed.error.issues.map((issue) => ({ ...at, field: issue.path.join('.'), reason: issue.message })));
      }
    }
  }
  if (used === 0) throw sourceError(ID, `geen enkele rij gevonden in ${where}; is de tabel veranderd?`);
  if (rejects.length > used) {
    throw sourceError(ID, `de meeste rijen in ${where} zijn onbruikbaar (${rejects[0]?.reason ?? ''}); is de tabel veranderd?`);
  }
  result.rejects.push(...rejects);
}

function populationRow(site: CbsStatlineSite, row: z.infer<typeof Row>, names: ReadonlyMap<string, string>): RowOutcome {
  const population = site.population;
  // A missing value is how CBS marks a municipality that did not exist in that year.
  if (row.Value === null || row.Value === undefined) return 'skip';
  const code = text(row[population.regionDimension]);
  const period = text(row[population.periodDimension]);
  const year = /^(\d{4})JJ00$/.exec(period)?.[1];
  if (year === undefined) return { reject: { field: population.periodDimension, reason: `'${period}' is geen jaartal (verwacht: 2024JJ00)` } };
  const name = names.get(code);
  if (name === undefined) {
    return { reject: { field: population.regionDimension, reason: `gemeentecode '${code}' staat niet in ${population.regionDimension}Codes` } };
  }
  return { input: { table: 'bevolking', gm_code: code, name, year: Number(year), population: row.Value } };
}

const PROVINCE_NAMES: ReadonlyMap<string, string> = new Map(PROVINCES.map(({ code, name }) => [code, name]));

function gebiedenRow(site: CbsStatlineSite, row: z.infer<typeof Row>, keys: TopicKeys, year: number): RowOutcome {
  const gebieden = site.gebieden;
  const provinceCode = text(row[keys.provinceCode]);
  return {
    input: {
      table: 'gebieden',
      year,
      gm_code: text(row[gebieden.regionDimension]),
      name: text(row[keys.name]),
      // The monitor names provinces as sources/reference does ("Friesland", where CBS writes "Fryslân").
      province: PROVINCE_NAMES.get(provinceCode) ?? text(row[keys.provinceName]),
    },
  };
}

/** OData v3 pads codes and names with spaces ("GM0363    "). */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * CBS StatLine: population per municipality (OData v4, table and measure in the site description)
 * and municipality → province from "Gebieden in Nederland <year>" (OData v3, looked up in the
 * catalogue by title). Site details live in cbs-statline.site.ts; addresses, the population table
 * and the years are settings (defaults in the description), applied with `siteWith`.
 *
 * Fetch and parse follow the same URLs (cbs-statline.urls.ts): parse rebuilds every URL from the
 * description with the settings recorded in the snapshot and the earlier responses in the
 * snapshot (measure code, table id, topic keys, nextLinks).
 */
import { z } from 'zod';
import type { ParseResult, RawFile, WebSourceAdapter } from '../adapter.ts';
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

function measureCode(site: CbsStatlineSite, codes: z.infer<typeof CodeList>, url: string): string {
  const title = site.population.measureTitle;
  const matches = codes.value.filter((code) => code.Title.trim() === title);
  if (matches.length !== 1 || matches[0] === undefined) {
    throw sourceError(ID, `maat '${title}' niet (eenduidig) gevonden in ${url}; is de tabel veranderd?`);
  }
  return matches[0].Identifier.trim();
}

function tableId(title: string, catalogue: z.infer<typeof Catalogue>, url: string): string {
  const matches = catalogue.value.filter((table) => table.Title.trim() === title);
  if (matches.length === 0) throw sourceError(ID, `tabel '${title}' staat niet in de CBS-catalogus (${url})`);
  if (matches.length > 1 || matches[0] === undefined) {
    throw sourceError(ID, `meer dan één tabel '${title}' in de CBS-catalogus: ${matches.map((table) => table.Identifier).join(', ')}`);
  }
  return matches[0].Identifier.trim();
}

function topicKeys(site: CbsStatlineSite, properties: z.infer<typeof DataProperties>, url: string): TopicKeys {
  const key = (group: string, topic: string) => {
    const parent = properties.value.find((property) => property.Type === 'TopicGroup' && property.Title.trim() === group);
    const found = properties.value.find((property) => property.ParentID === parent?.ID && property.Title.trim() === topic);
    if (parent === undefined || found === undefined) throw sourceError(ID, `onderwerp '${group} / ${topic}' niet gevonden in ${url}; is de tabel veranderd?`);
    return found.Key;
  };
  const { municipalityGroup, provinceGroup, codeTopic, nameTopic } = site.gebieden;
  return {
    name: key(municipalityGroup, nameTopic),
    provinceCode: key(provinceGroup, codeTopic),
    provinceName: key(provinceGroup, nameTopic),
  };
}

// --- The adapter -------------------------------------------------------------------------------

export const cbsStatline: WebSourceAdapter<typeof CbsStatlineRecord, typeof CbsStatlineSettings> = {
  id: ID,
  title: 'CBS StatLine: bevolking per gemeente en Gebieden in Nederland',
  origin: 'web',
  version: 1,
  recordSchema: CbsStatlineRecord,
  settingsSchema: CbsStatlineSettings,

  async fetch(context) {
    const site = siteWith(context.settings);
    const urls = cbsUrls(site);
    const files: FetchedFile[] = [];
    const get = async (url: string) => {
      const file = await fetchOk(context, ID, url, JSON_TYPE);
      files.push(file);
      return file;
    };
    const measures = await get(urls.measureCodes);
    const measure = measureCode(site, bodyJson(ID, measures, CodeList), measures.url);
    files.push(...(await fetchChain(context, ID, v4Chain(site, urls.observations(measure)), JSON_TYPE)));
    files.push(...(await fetchChain(context, ID, v4Chain(site, urls.regionCodes), JSON_TYPE)));
    for (const year of site.gebieden.years) {
      const catalogue = await get(urls.catalogue(year));
      const id = tableId(urls.tableTitle(year), bodyJson(ID, catalogue, Catalogue), catalogue.url);
      const properties = await get(urls.dataProperties(id));
      const keys = topicKeys(site, bodyJson(ID, properties, DataProperties), properties.url);
      files.push(...(await fetchChain(context, ID, v3Chain(site, urls.typedDataSet(id, keys)), JSON_TYPE)));
    }
    return files;
  },

  parse(snapshot) {
    const site = siteWith(snapshotSettings(ID, CbsStatlineSettings, snapshot));
    const urls = cbsUrls(site);
    const files = new SnapshotFiles(ID, snapshot);
    const result: ParseResult<CbsStatlineRecord> = { records: [], rejects: [] };
    const measures = files.json(urls.measureCodes, CodeList);
    const observations = urls.observations(measureCode(site, measures.data, measures.file.url));
    const names = new Map(
      snapshotChain(files, v4Chain(site, urls.regionCodes)).flatMap((file) =>
        bodyJson(ID, file, CodeList).value.map((code) => [code.Identifier.trim(), code.Title.trim()] as const),
      ),
    );
    collect(result, observations, snapshotChain(files, v4Chain(site, observations)), V4Page, (row) => populationRow(site, row, names));
    for (const year of site.gebieden.years) {
      const catalogue = files.json(urls.catalogue(year), Catalogue);
      const id = tableId(urls.tableTitle(year), catalogue.data, catalogue.file.url);
      const properties = files.json(urls.dataProperties(id), DataProperties);
      const keys = topicKeys(site, properties.data, properties.file.url);
      const first = urls.typedDataSet(id, keys);
      collect(result, first, snapshotChain(files, v3Chain(site, first)), V3Page, (row) => gebiedenRow(site, row, keys, year));
    }
    return result;
  },
};

type RowOutcome = { input: unknown } | { reject: { field: string; reason: string } } | 'skip';

/** Validates the rows of one linked chain of pages into `result`; an empty or mostly unusable chain is a structural change. */
function collect(
  result: ParseResult<CbsStatlineRecord>,
  where: string,
  pages: readonly RawFile[],
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

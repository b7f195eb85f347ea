/**
 * Everything site-specific of CBS StatLine: API base URLs, table ids, dimension and measure names.
 * Population comes from the OData v4 datasets API (long format: one observation per measure and
 * dimension combination), municipality → province from the yearly "Gebieden in Nederland <year>"
 * table of the OData v3 API, whose id is looked up in the catalogue by title every year.
 * When CBS changes a name, change this object (and bump the adapter version), not the adapter.
 *
 * Known real shapes: the measure "Bevolking op 1 januari" is
 * M000352 (some versions append a unit to its title, so the code decides and the title is a
 * check); the municipality sits in the topic group "Codes en namen van gemeenten", the province in
 * "Provincies" nested in "Lokaliseringen van gemeenten"; topic keys (Naam_2, Code_28, …) differ
 * per year and are found by group and topic title.
 */
import { z } from 'zod';
import { checkedOnFirstRead } from './site-description.ts';

const CbsStatlineSite = z.object({
  population: z.object({
    /** OData v4 base; a table lives at `<baseUrl>/<table>/`. */
    baseUrl: z.url(),
    /** "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio". */
    table: z.string().min(1),
    /** The measure's code in `<table>/MeasureCodes`. */
    measureCode: z.string().min(1),
    /** What the measure's title starts with: a check that the code still means this. */
    measureTitle: z.string().min(1),
    regionDimension: z.string().min(1),
    periodDimension: z.string().min(1),
    /** The other dimensions, each fixed on its total. */
    totals: z.record(z.string(), z.string()),
    /** CBS region codes of municipalities start with this. */
    municipalityPrefix: z.string().min(1),
    years: z.array(z.number().int()).min(1),
  }),
  gebieden: z.object({
    /** OData v3 catalogue of tables. */
    catalogueUrl: z.url(),
    /** The table title; "{year}" is replaced by the year. */
    titleTemplate: z.string().includes('{year}'),
    /** OData v3 base; a table lives at `<apiBaseUrl>/<id>/`. */
    apiBaseUrl: z.url(),
    regionDimension: z.string().min(1),
    municipalityPrefix: z.string().min(1),
    /**
     * Topic groups in DataProperties as a path of titles from the top (a group is nested in its
     * parent by `ParentID`): where the municipality's name and the province's code and name sit.
     */
    municipalityGroup: z.array(z.string().min(1)).min(1),
    provinceGroup: z.array(z.string().min(1)).min(1),
    codeTopic: z.string().min(1),
    nameTopic: z.string().min(1),
    years: z.array(z.number().int()).min(1),
  }),
  /** More linked pages than this means a broken nextLink chain. */
  maxPages: z.number().int().positive(),
});
export type CbsStatlineSite = z.infer<typeof CbsStatlineSite>;

export const CBS_STATLINE_SITE: CbsStatlineSite = checkedOnFirstRead(CbsStatlineSite, {
  population: {
    baseUrl: 'https://datasets.cbs.nl/odata/v1/CBS',
    table: '03759ned',
    measureCode: 'M000352',
    measureTitle: 'Bevolking op 1 januari',
    regionDimension: 'RegioS',
    periodDimension: 'Perioden',
    totals: { Geslacht: 'T001038', Leeftijd: '10000', BurgerlijkeStaat: 'T001019' },
    municipalityPrefix: 'GM',
    years: [2019, 2024, 2025, 2026],
  },
  gebieden: {
    catalogueUrl: 'https://opendata.cbs.nl/ODataCatalog/Tables',
    titleTemplate: 'Gebieden in Nederland {year}',
    apiBaseUrl: 'https://opendata.cbs.nl/ODataApi/odata',
    regionDimension: 'RegioS',
    municipalityPrefix: 'GM',
    municipalityGroup: ['Codes en namen van gemeenten'],
    provinceGroup: ['Lokaliseringen van gemeenten', 'Provincies'],
    codeTopic: 'Code',
    nameTopic: 'Naam',
    years: [2024, 2025, 2026],
  },
  maxPages: 200,
});

const years = z.array(z.number('moet een jaartal zijn').int('moet een jaartal zijn').min(1900).max(2100), 'moet een lijst jaartallen zijn').min(1, 'moet minstens één jaar bevatten');
const url = z.url('moet een http(s)-adres zijn');

/**
 * The settings of this source (sources.settings.json): API addresses, the population table id and
 * the years. Defaults come from the description above; `siteWith` applies them to it.
 */
export const CbsStatlineSettings = z
  .object({
    populationBaseUrl: url.default(() => CBS_STATLINE_SITE.population.baseUrl),
    populationTable: z.string('moet tekst zijn').min(1, 'mag niet leeg zijn').default(() => CBS_STATLINE_SITE.population.table),
    populationYears: years.default(() => [...CBS_STATLINE_SITE.population.years]),
    catalogueUrl: url.default(() => CBS_STATLINE_SITE.gebieden.catalogueUrl),
    gebiedenBaseUrl: url.default(() => CBS_STATLINE_SITE.gebieden.apiBaseUrl),
    gebiedenYears: years.default(() => [...CBS_STATLINE_SITE.gebieden.years]),
  })
  .strict();
export type CbsStatlineSettings = z.infer<typeof CbsStatlineSettings>;

/** The site description with a snapshot's (or today's) settings applied. */
export function siteWith(settings: CbsStatlineSettings): CbsStatlineSite {
  return {
    ...CBS_STATLINE_SITE,
    population: {
      ...CBS_STATLINE_SITE.population,
      baseUrl: settings.populationBaseUrl,
      table: settings.populationTable,
      years: settings.populationYears,
    },
    gebieden: {
      ...CBS_STATLINE_SITE.gebieden,
      catalogueUrl: settings.catalogueUrl,
      apiBaseUrl: settings.gebiedenBaseUrl,
      years: settings.gebiedenYears,
    },
  };
}

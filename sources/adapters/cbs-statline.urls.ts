/**
 * The URLs of CBS StatLine, built from the site description (with a snapshot's settings applied):
 * fetch asks for them, parse looks them up in the snapshot. What earlier responses decide (the
 * measure code, the table id, the topic keys) comes in as arguments.
 */
import type { CbsStatlineSite } from './cbs-statline.site.ts';

/** The TypedDataSet columns holding the municipality's name and the province's code and name. */
export interface TopicKeys {
  name: string;
  provinceCode: string;
  provinceName: string;
}

export interface CbsUrls {
  measureCodes: string;
  regionCodes: string;
  observations(measure: string): string;
  tableTitle(year: number): string;
  catalogue(year: number): string;
  dataProperties(tableId: string): string;
  typedDataSet(tableId: string, keys: TopicKeys): string;
}

const odataUrl = (base: string, query: Record<string, string>) =>
  `${base}?${Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

export function cbsUrls(site: CbsStatlineSite): CbsUrls {
  const { population, gebieden } = site;
  const populationTable = `${population.baseUrl}/${population.table}`;
  const tableTitle = (year: number) => gebieden.titleTemplate.replace('{year}', String(year));
  return {
    measureCodes: odataUrl(`${populationTable}/MeasureCodes`, {
      $filter: `Identifier eq ${quote(population.measureCode)}`,
      $select: 'Identifier,Title',
    }),
    regionCodes: odataUrl(`${populationTable}/${population.regionDimension}Codes`, {
      $filter: `startswith(Identifier,${quote(population.municipalityPrefix)})`,
      $select: 'Identifier,Title',
    }),
    observations(measure) {
      const periods = population.years.map((year) => `${population.periodDimension} eq ${quote(`${year}JJ00`)}`);
      const filter = [
        `Measure eq ${quote(measure)}`,
        `(${periods.join(' or ')})`,
        `startswith(${population.regionDimension},${quote(population.municipalityPrefix)})`,
        ...Object.entries(population.totals).map(([dimension, code]) => `${dimension} eq ${quote(code)}`),
      ].join(' and ');
      return odataUrl(`${populationTable}/Observations`, {
        $filter: filter,
        $select: ['Id', 'Measure', 'ValueAttribute', 'Value', population.periodDimension, population.regionDimension].join(','),
      });
    },
    tableTitle,
    catalogue: (year) =>
      odataUrl(gebieden.catalogueUrl, { $format: 'json', $filter: `Title eq ${quote(tableTitle(year))}`, $select: 'Identifier,Title' }),
    dataProperties: (tableId) => odataUrl(`${gebieden.apiBaseUrl}/${tableId}/DataProperties`, { $format: 'json' }),
    typedDataSet: (tableId, keys) =>
      odataUrl(`${gebieden.apiBaseUrl}/${tableId}/TypedDataSet`, {
        $format: 'json',
        $filter: `startswith(${gebieden.regionDimension},${quote(gebieden.municipalityPrefix)})`,
        $select: [gebieden.regionDimension, keys.name, keys.provinceCode, keys.provinceName].join(','),
      }),
  };
}

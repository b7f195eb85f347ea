/** The year-on-year exports: verschillen.csv (per location) and verschillen-per-regio.csv. */
import type { AreaChange, LocationChange, YearDiff } from '../../pipeline/read/diff-years.ts';
import { toCsv, type CsvColumn } from './csv.ts';
import type { TextFile } from './exports.ts';

const LOCATION_CHANGE_COLUMNS: CsvColumn<LocationChange>[] = [
  { header: 'location_id', value: (row) => row.locationId },
  { header: 'naam', value: (row) => row.name },
  { header: 'organisatie', value: (row) => row.organisation },
  { header: 'gemeente', value: (row) => row.municipality },
  { header: 'provincie', value: (row) => row.province },
  { header: 'iza_regio', value: (row) => row.izaRegion },
  { header: 'verandering', value: (row) => row.change },
  { header: 'toelichting', value: (row) => row.details },
];

const areaColumns = (diff: YearDiff): CsvColumn<AreaChange>[] => [
  { header: 'niveau', value: (row) => row.level },
  { header: 'gebied', value: (row) => row.area },
  { header: `in_beeld_${diff.from}`, value: (row) => row.inViewBefore },
  { header: `in_beeld_${diff.to}`, value: (row) => row.inViewAfter },
  { header: `gewogen_${diff.from}`, value: (row) => row.weightedBefore, decimals: 1 },
  { header: `gewogen_${diff.to}`, value: (row) => row.weightedAfter, decimals: 1 },
  { header: 'verschil', value: (row) => row.difference },
  { header: 'verandering_pct', value: (row) => row.changePct, decimals: 1 },
  // verschil = door_methode + nieuw_in_beeld − niet_meer_in_beeld + verhuisd (pipeline/read/diff-years.ts)
  { header: `in_beeld_${diff.from}_volgens_methode_${diff.to}`, value: (row) => row.recountedBefore },
  { header: 'door_methode', value: (row) => row.methodEffect },
  { header: 'nieuw_in_beeld', value: (row) => row.opened },
  { header: 'niet_meer_in_beeld', value: (row) => row.closed },
  { header: 'verhuisd', value: (row) => row.moved },
];

export function diffExports(diff: YearDiff): TextFile[] {
  return [
    { name: 'verschillen.csv', content: toCsv(LOCATION_CHANGE_COLUMNS, diff.locations) },
    { name: 'verschillen-per-regio.csv', content: toCsv(areaColumns(diff), diff.areas) },
  ];
}

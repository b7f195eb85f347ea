/**
 * The layout of the overview workbook that is also the contract for reading it back
 * (pipeline/corrections): sheet names, dropdown lists, and the Locaties columns as one
 * declarative table. Adding a Locaties column is one entry in LOCATION_COLUMNS.
 */
import type { LocationRow, MonitorData } from '../read-monitor.ts';
import { ClassifiedSize, LOCATION_STATUSES, type InventoryField } from '../../sources/schema.ts';

export const SHEETS = {
  explanation: 'Toelichting',
  locations: 'Locaties',
  provinces: 'Provincies',
  regions: "IZA-regio's",
  municipalities: 'Gemeenten',
  parameters: 'Parameters',
  yearOnYear: 'Jaar-op-jaar',
  whiteSpots: 'Witte vlekken',
  review: 'Te beoordelen',
  rejects: 'Afgewezen',
  lists: 'Lijsten',
} as const;

export const REVIEW_DECISIONS = ['zelfde', 'verschillend'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The dropdown lists, one column each on the hidden Lijsten sheet, in this order. */
export const LISTS = {
  grootte: ClassifiedSize.options,
  status: LOCATION_STATUSES,
  beslissing: REVIEW_DECISIONS,
} as const satisfies Record<string, readonly string[]>;
export type ListName = keyof typeof LISTS;

/** Empty, editable rows below the locations for new ones; dropdowns and formulas reach this far. */
export const SPARE_LOCATION_ROWS = 500;

/** The label in column A of the Toelichting row that holds the monitor year (read back as a check). */
export const YEAR_LABEL = 'Monitorjaar';

export type CellContent = string | number | null;

export interface LocationContext {
  /** The province a location counts in for the Provincies sheet (see countingProvince). */
  countingProvince: (row: LocationRow) => string;
  /** The location's latest self-assessment answer on a characteristic (1–10), if any. */
  answer: (row: LocationRow, characteristic: number) => string | null;
}

/** Where the gewicht formula finds its inputs. */
export interface WeightFormulaRefs {
  /** Column letter of a Locaties column by header. */
  column: (header: string) => string;
  /** Absolute ranges of the size names and their weights on the Parameters sheet. */
  weightKeys: string;
  weightValues: string;
}

interface ColumnBase {
  header: string;
  width: number;
  numFmt?: string;
}

/** The stable id: locked, the key that ties a row to a location. */
export interface IdColumn extends ColumnBase {
  role: 'id';
  value: (row: LocationRow) => string;
}

/** A column a person may correct; `field` names what a change corrects (and the field of a new row). */
export interface EditableColumn extends ColumnBase {
  role: 'editable';
  field: InventoryField;
  list?: ListName;
  value: (row: LocationRow, context: LocationContext) => CellContent;
}

/** Computed by the build: locked, and a changed value is an error when read back. */
export interface DerivedColumn extends ColumnBase {
  role: 'derived';
  value: (row: LocationRow, context: LocationContext) => CellContent;
}

/** Computed in the workbook; ignored when read back as long as it is still a formula. */
export interface FormulaColumn extends ColumnBase {
  role: 'formula';
  value: (row: LocationRow, context: LocationContext) => number | null;
  formula: (row: number, refs: WeightFormulaRefs) => string;
}

export type LocationColumn = IdColumn | EditableColumn | DerivedColumn | FormulaColumn;

const TEXT = '@';

export const LOCATION_COLUMNS: readonly LocationColumn[] = [
  { header: 'location_id', role: 'id', width: 16, value: (row) => row.location_id },
  { header: 'naam', role: 'editable', field: 'name', width: 36, numFmt: TEXT, value: (row) => row.name },
  { header: 'organisatie', role: 'editable', field: 'organisation', width: 32, numFmt: TEXT, value: (row) => row.organisation },
  { header: 'adres', role: 'editable', field: 'address', width: 26, numFmt: TEXT, value: (row) => row.address },
  { header: 'postcode', role: 'editable', field: 'postcode', width: 10, numFmt: TEXT, value: (row) => row.postcode },
  { header: 'plaats', role: 'editable', field: 'place', width: 18, numFmt: TEXT, value: (row) => row.place },
  { header: 'gemeente', role: 'editable', field: 'municipality', width: 20, numFmt: TEXT, value: (row) => row.municipality },
  { header: 'gemeentecode', role: 'editable', field: 'gmCode', width: 13, numFmt: TEXT, value: (row) => row.gm_code },
  { header: 'iza_regio', role: 'derived', width: 24, value: (row) => row.iza_region },
  { header: 'provincie', role: 'derived', width: 15, value: (row) => row.province },
  { header: 'telt_in_provincie', role: 'derived', width: 15, value: (row, context) => context.countingProvince(row) },
  { header: 'grootte', role: 'editable', field: 'size', list: 'grootte', width: 12, value: (row) => row.size_class },
  {
    header: 'gewicht',
    role: 'formula',
    width: 9,
    numFmt: '0.0',
    value: (row) => row.weight,
    formula: (row, refs) => {
      const size = `${refs.column('grootte')}${row}`;
      const name = `${refs.column('naam')}${row}`;
      const id = `${refs.column('location_id')}${row}`;
      // An empty size counts as unknown, as in the build; a row that is entirely empty gets no weight.
      return `IF(AND(${id}="",${name}="",${size}=""),"",INDEX(${refs.weightValues},MATCH(IF(${size}="","onbekend",${size}),${refs.weightKeys},0)))`;
    },
  },
  { header: 'status', role: 'editable', field: 'status', list: 'status', width: 12, value: (row) => row.status },
  { header: 'dagdelen', role: 'editable', field: 'dagdelenPerWeek', width: 10, numFmt: '0', value: (row) => row.dagdelen_per_week },
  // The dagdelen above are counted from these opening hours when no source gave a number (config dagdeelRule).
  { header: 'openingstijden', role: 'derived', width: 30, numFmt: TEXT, value: (row) => row.opening_hours },
  { header: 'bezoekers', role: 'editable', field: 'visitorsPerWeek', width: 11, numFmt: '0', value: (row) => row.visitors_per_week },
  { header: 'bronnen', role: 'derived', width: 18, value: (row) => row.sources },
  { header: 'signalen', role: 'derived', width: 22, value: (row) => row.flags },
  // The ten characteristics from the steunpunten's self-assessment (lsp-monitor import --source survey).
  ...Array.from({ length: 10 }, (_, index): DerivedColumn => ({
    header: `kenmerk_${index + 1}`,
    role: 'derived',
    width: 12,
    value: (row, context) => context.answer(row, index + 1),
  })),
  { header: 'opmerking', role: 'editable', field: 'note', width: 60, numFmt: TEXT, value: (row) => row.note },
];

/** Headers of Te beoordelen; only `beslissing` is editable. */
export const REVIEW_HEADERS = {
  pairId: 'paar_id',
  idA: 'locatie_a_id',
  nameA: 'locatie_a_naam',
  placeA: 'locatie_a_plaats',
  idB: 'locatie_b_id',
  nameB: 'locatie_b_naam',
  placeB: 'locatie_b_plaats',
  score: 'score',
  reason: 'reden',
  decision: 'beslissing',
} as const;

/**
 * The province a location counts in, as build-coverage.ts counts: under a method with
 * provinceOfLocation 'iza-regio' the province of its IZA-region (when the region is known),
 * else the province of its municipality.
 */
export function locationContext(data: MonitorData): LocationContext {
  const regionProvince = new Map(data.regions.map((region) => [region.area, region.province]));
  const byRegion = data.method.provinceOfLocation === 'iza-regio';
  const answers = new Map(data.locationAnswers.map((row) => [`${row.location_id}|${row.characteristic}`, row.answer]));
  return {
    countingProvince: (row) => (byRegion && row.iza_region !== null ? regionProvince.get(row.iza_region) ?? row.province : row.province),
    answer: (row, characteristic) => answers.get(`${row.location_id}|${characteristic}`) ?? null,
  };
}

/**
 * The layout of the overview workbook that is also the contract for reading it back
 * (read/read-corrections.ts): sheet names, dropdown lists, and the Locaties columns as one
 * declarative table. Adding a Locaties column is one entry in LOCATION_COLUMNS.
 */
import type { LocationRow, MonitorData } from '../read/read-monitor.ts';
import { CLASSIFIED_SIZES, LOCATION_STATUSES, type InventoryField } from '../../sources/vocabulary.ts';

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
  grootte: CLASSIFIED_SIZES,
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
  /**
   * The column's name in locaties.csv and in the workbooks of earlier versions: the key code
   * refers to it by, and still accepted as the column's header when a workbook is read back.
   */
  header: string;
  /** The Dutch header the sheet shows. */
  label: string;
  width: number;
  numFmt?: string;
  /** Printed: the printed columns follow each other, so one print area holds them. */
  print?: true;
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

// The id stays in column A (readers and people find a location by it); the columns a working
// group reads on paper come next, so that one print area holds them.
export const LOCATION_COLUMNS: readonly LocationColumn[] = [
  { header: 'location_id', label: 'Locatie-id', role: 'id', width: 16, value: (row) => row.location_id },
  { header: 'naam', label: 'Naam', role: 'editable', field: 'name', width: 34, numFmt: TEXT, print: true, value: (row) => row.name },
  { header: 'organisatie', label: 'Organisatie', role: 'editable', field: 'organisation', width: 28, numFmt: TEXT, print: true, value: (row) => row.organisation },
  { header: 'plaats', label: 'Plaats', role: 'editable', field: 'place', width: 16, numFmt: TEXT, print: true, value: (row) => row.place },
  { header: 'gemeente', label: 'Gemeente', role: 'editable', field: 'municipality', width: 18, numFmt: TEXT, print: true, value: (row) => row.municipality },
  { header: 'grootte', label: 'Grootte', role: 'editable', field: 'size', list: 'grootte', width: 12, print: true, value: (row) => row.size_class },
  {
    header: 'gewicht',
    label: 'Gewicht',
    role: 'formula',
    width: 9,
    numFmt: '0.0',
    print: true,
    value: (row) => row.weight,
    formula: (row, refs) => {
      const size = `${refs.column('grootte')}${row}`;
      const name = `${refs.column('naam')}${row}`;
      const id = `${refs.column('location_id')}${row}`;
      // An empty size counts as unknown, as in the build; a row that is entirely empty gets no weight.
      return `IF(AND(${id}="",${name}="",${size}=""),"",INDEX(${refs.weightValues},MATCH(IF(${size}="","onbekend",${size}),${refs.weightKeys},0)))`;
    },
  },
  { header: 'status', label: 'Status', role: 'editable', field: 'status', list: 'status', width: 11, print: true, value: (row) => row.status },
  { header: 'dagdelen', label: 'Dagdelen per week', role: 'editable', field: 'dagdelenPerWeek', width: 10, numFmt: '0', print: true, value: (row) => row.dagdelen_per_week },
  { header: 'bezoekers', label: 'Bezoekers per week', role: 'editable', field: 'visitorsPerWeek', width: 11, numFmt: '0', print: true, value: (row) => row.visitors_per_week },
  { header: 'opmerking', label: 'Opmerking', role: 'editable', field: 'note', width: 50, numFmt: TEXT, print: true, value: (row) => row.note },
  { header: 'adres', label: 'Adres', role: 'editable', field: 'address', width: 26, numFmt: TEXT, value: (row) => row.address },
  { header: 'postcode', label: 'Postcode', role: 'editable', field: 'postcode', width: 10, numFmt: TEXT, value: (row) => row.postcode },
  { header: 'gemeentecode', label: 'Gemeentecode', role: 'editable', field: 'gmCode', width: 14, numFmt: TEXT, value: (row) => row.gm_code },
  { header: 'iza_regio', label: 'IZA-regio', role: 'derived', width: 24, value: (row) => row.iza_region },
  { header: 'provincie', label: 'Provincie', role: 'derived', width: 15, value: (row) => row.province },
  { header: 'telt_in_provincie', label: 'Telt in provincie', role: 'derived', width: 15, value: (row, context) => context.countingProvince(row) },
  // Dagdelen per week are counted from these opening hours when no source gave a number (config dagdeelRule).
  { header: 'openingstijden', label: 'Openingstijden', role: 'derived', width: 30, numFmt: TEXT, value: (row) => row.opening_hours },
  { header: 'bronnen', label: 'Bronnen', role: 'derived', width: 18, value: (row) => row.sources },
  { header: 'signalen', label: 'Signalen', role: 'derived', width: 22, value: (row) => row.flags },
  // The ten characteristics from the steunpunten's self-assessment (lsp-monitor import --source survey).
  ...Array.from({ length: 10 }, (_, index): DerivedColumn => ({
    header: `kenmerk_${index + 1}`,
    label: `Kenmerk ${index + 1}`,
    role: 'derived',
    width: 12,
    value: (row, context) => context.answer(row, index + 1),
  })),
];

/** A Locaties column by its key (`header`); a programming error when there is none. */
export function locationColumn(header: string): LocationColumn {
  const column = LOCATION_COLUMNS.find((entry) => entry.header === header);
  if (column === undefined) throw new Error(`no Locaties column '${header}'`);
  return column;
}

/** The printed columns as 1-based column numbers, first and last (they follow each other). */
export function printedLocationColumns(): { first: number; last: number; labels: string[] } {
  const numbers = LOCATION_COLUMNS.flatMap((column, index) => (column.print ? [index + 1] : []));
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  if (numbers.length !== last - first + 1) throw new Error('the printed Locaties columns do not follow each other');
  return { first, last, labels: LOCATION_COLUMNS.filter((column) => column.print).map((column) => column.label) };
}

/** Headers of Te beoordelen as the sheet shows them; only the decision is editable. */
export const REVIEW_HEADERS = {
  pairId: 'Paar-id',
  idA: 'Locatie A: id',
  nameA: 'Locatie A: naam',
  placeA: 'Locatie A: plaats',
  idB: 'Locatie B: id',
  nameB: 'Locatie B: naam',
  placeB: 'Locatie B: plaats',
  score: 'Score',
  reason: 'Reden',
  decision: 'Beslissing',
} as const;
export type ReviewColumn = keyof typeof REVIEW_HEADERS;

/**
 * The headers of Te beoordelen in earlier versions (and in te-beoordelen.csv): still accepted
 * when a workbook is read back, and the names its messages use.
 */
export const REVIEW_KEYS: Readonly<Record<ReviewColumn, string>> = {
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
};

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

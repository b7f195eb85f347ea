/**
 * A coverage sheet (Provincies, IZA-regio's, Gemeenten) as live formulas: in_beeld, potentieel
 * and gewogen count the Locaties sheet; epa_aantal, gewenst, tekort and dekking follow from the
 * values in their own columns and the Parameters sheet, rounded as the CSV exports round. Each
 * formula carries the pipeline's figure as its cached result.
 *
 * exceljs writes the header, the columns (width and number format), the total row (bold), the
 * filter, the colour scale and the protection; the areas' rows, thousands of formulas for the
 * municipalities, are written directly (direct-rows.ts), each cell in its column's format.
 */
import type ExcelJS from 'exceljs';
import type { CoverageRow } from '../../../read/read-monitor.ts';
import { targetFigures } from '../../../read/target-figures.ts';
import { safeText } from '../../../../sources/safe-text.ts';
import { columnLetter, protect, setFormula, setNumber, styleHeaderCell } from '../cells.ts';
import type { DirectCell, DirectRows } from '../direct-rows.ts';
import type { LocationRanges } from './locations.ts';
import type { ParameterRefs } from './parameters.ts';

/** The Dutch headers of the coverage sheets, by the column's name in the CSV exports. */
const LABELS: Readonly<Record<string, string>> = {
  provincie: 'Provincie',
  iza_regio: 'IZA-regio',
  gemeentecode: 'Gemeentecode',
  gemeente: 'Gemeente',
  gemeenten: 'Gemeenten',
  inwoners: 'Inwoners',
  epa_aandeel_pct: 'EPA-aandeel (%)',
  epa_aantal: 'EPA-aantal',
  epa_basis: 'EPA-basis',
  in_beeld: 'In beeld',
  potentieel: 'Potentieel',
  gewogen: 'Gewogen',
};

/** The per-participation columns: the label around the percentage, as text and as a formula on the Parameters cell. */
const PARTICIPATION_LABELS = {
  gewenst: { before: 'Gewenst bij ', after: '%' },
  tekort: { before: 'Tekort bij ', after: '%' },
  dekking: { before: 'Dekking bij ', after: '% (%)' },
} as const;
type ParticipationKind = keyof typeof PARTICIPATION_LABELS;

const participationKey = (kind: ParticipationKind, pct: number) => (kind === 'dekking' ? `dekking_${pct}_pct` : `${kind}_${pct}`);

/** The header a coverage sheet shows for a CSV column name ("gewenst_15" → "Gewenst bij 15%"). */
export function coverageLabel(key: string): string {
  const fixed = LABELS[key];
  if (fixed !== undefined) return fixed;
  const match = /^(gewenst|tekort|dekking)_(\d+(?:\.\d+)?)(_pct)?$/.exec(key);
  if (match === null) throw new Error(`no coverage label for '${key}'`);
  const { before, after } = PARTICIPATION_LABELS[match[1] as ParticipationKind];
  return `${before}${match[2]}${after}`;
}

function participationColumn(kind: ParticipationKind, pct: number, cell: string) {
  const { before, after } = PARTICIPATION_LABELS[kind];
  return { header: participationKey(kind, pct), headerFormula: `"${before}"&${cell}&"${after}"` };
}

export interface LabelColumn {
  /** The column's name in the CSV exports; the sheet shows coverageLabel(header). */
  header: string;
  width: number;
  value: (row: CoverageRow) => string | number | null;
}

export interface CoverageSheetSpec {
  name: string;
  rows: readonly CoverageRow[];
  /** The columns naming the area; the first (column A) holds what `countBy` is matched against. */
  labels: readonly LabelColumn[];
  /** The Locaties column a location is counted by (it must equal the first label). */
  countBy: string;
  desiredDecimals: number;
  /** A total row below the areas (the national figures), counting every location. */
  total?: CoverageRow;
}

const COLOUR_SCALE: ExcelJS.ColorScaleRuleType = {
  type: 'colorScale',
  priority: 1,
  // Okabe-Ito orange (far below the desired number) through white (100%) to sky blue: colour-blind safe.
  cfvo: [
    { type: 'num', value: 0 },
    { type: 'num', value: 100 },
    { type: 'num', value: 200 },
  ],
  color: [{ argb: 'FFE69F00' }, { argb: 'FFFFFFFF' }, { argb: 'FF56B4E9' }],
};

export function addCoverageSheet(
  workbook: ExcelJS.Workbook,
  spec: CoverageSheetSpec,
  locations: LocationRanges,
  parameters: ParameterRefs,
): { sheet: ExcelJS.Worksheet; rows: DirectRows } {
  const sheet = workbook.addWorksheet(spec.name);
  const layout = coverageLayout(spec, parameters);
  layout.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = sheet.getCell(1, index + 1);
    styleHeaderCell(cell);
    if (column.headerFormula) setFormula(cell, column.headerFormula, coverageLabel(column.header));
    else cell.value = coverageLabel(column.header);
  });
  // After the header, whose cells keep their own style: the rows' cells take their column's format.
  layout.columns.forEach((column, index) => {
    if (column.numFmt !== undefined) sheet.getColumn(index + 1).style = { numFmt: column.numFmt };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];

  const at = (header: string, rowNumber: number) => `${layout.letter(header)}${rowNumber}`;
  const areaColumn = columnLetter(1); // the first label column
  const cellsOf = (row: CoverageRow, rowNumber: number, isTotal: boolean): DirectCell[] => {
    // Only rows with an id count: a new location counts once the build has placed it.
    const areaCriterion = isTotal ? '' : `,${locations.column(spec.countBy)},$${areaColumn}${rowNumber}`;
    const counted = `${locations.column('location_id')},"<>"${areaCriterion}`;
    const context: RowContext = { row, at: (header) => at(header, rowNumber), counted, locations };
    return layout.columns.map((column) => column.value(context));
  };
  const lastAreaRow = spec.rows.length + 1;
  let lastRow = lastAreaRow;
  if (spec.total !== undefined) {
    lastRow = lastAreaRow + 2;
    const cells = cellsOf(spec.total, lastRow, true);
    layout.columns.forEach((column, index) => {
      const cell = sheet.getCell(lastRow, index + 1);
      setCell(cell, cells[index] ?? null, column.numFmt);
      cell.font = { bold: true };
    });
  }

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastAreaRow, column: layout.columns.length } };
  const coverageColumns = layout.columns.filter((column) => column.header.startsWith('dekking_')).map((column) => layout.letter(column.header));
  if (coverageColumns.length > 0 && spec.rows.length > 0) {
    sheet.addConditionalFormatting({
      ref: `${coverageColumns[0]}2:${coverageColumns[coverageColumns.length - 1]}${lastRow}`,
      rules: [COLOUR_SCALE],
    });
  }
  protect(sheet);
  return { sheet, rows: { worksheetId: sheet.id, firstRow: 2, lastRow: lastAreaRow, cells: (rowNumber) => cellsOf(spec.rows[rowNumber - 2]!, rowNumber, false) } };
}

/** A cell of the total row, which exceljs writes: the same content as a direct cell (text already neutralised), in its column's format. */
function setCell(cell: ExcelJS.Cell, content: DirectCell, numFmt: string | undefined): void {
  if (content !== null && typeof content === 'object') setFormula(cell, content.formula, content.result, numFmt);
  else if (typeof content === 'number') setNumber(cell, content, numFmt);
  else cell.value = content;
}

interface RowContext {
  row: CoverageRow;
  at: (header: string) => string;
  /** COUNTIFS/SUMIFS criteria selecting this row's locations (status excluded). */
  counted: string;
  locations: LocationRanges;
}

interface FigureColumn {
  header: string;
  headerFormula?: string;
  width: number;
  numFmt?: string;
  /** The cell of an area's row: source text neutralised, nothing where there is no value. */
  value: (context: RowContext) => DirectCell;
}

/** A number, or nothing where there is none. */
const numberCell = (value: number | null | undefined): DirectCell => (value === null || value === undefined || !Number.isFinite(value) ? null : value);
/** Source text as a neutralised string, or nothing. */
const textCell = (text: string | null | undefined): DirectCell => (text === null || text === undefined || text === '' ? null : safeText(text));
const formulaCell = (formula: string, result: number | string | null | undefined): DirectCell => ({ formula, result: result ?? null });

function coverageLayout(spec: CoverageSheetSpec, parameters: ParameterRefs) {
  const decimals = spec.desiredDecimals;
  const desiredFormat = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
  const shortfallFormat = `#,##0.${'0'.repeat(Math.max(1, decimals))}`;
  const computable = (row: CoverageRow) => row.population !== null && row.epa_pct !== null;
  const countFormula = (status: string) => (context: RowContext) =>
    `COUNTIFS(${context.locations.column('status')},"${status}",${context.counted})`;

  const columns: FigureColumn[] = [
    ...spec.labels.map((label) => ({
      header: label.header,
      width: label.width,
      value: ({ row }: RowContext) => {
        const value = label.value(row);
        return typeof value === 'number' ? numberCell(value) : textCell(value);
      },
    })),
    { header: 'inwoners', width: 12, numFmt: '#,##0', value: ({ row }) => numberCell(row.population) },
    { header: 'epa_aandeel_pct', width: 9, numFmt: '0.00', value: ({ row }) => numberCell(row.epa_pct) },
    {
      header: 'epa_aantal',
      width: 11,
      numFmt: '#,##0',
      value: ({ row, at }) => (computable(row) ? formulaCell(`${at('inwoners')}*${at('epa_aandeel_pct')}/100`, row.epa_count) : null),
    },
    { header: 'epa_basis', width: 10, value: ({ row }) => textCell(row.epa_basis) },
    { header: 'in_beeld', width: 9, numFmt: '0', value: (context) => formulaCell(countFormula('actief')(context), context.row.in_view) },
    { header: 'potentieel', width: 10, numFmt: '0', value: (context) => formulaCell(countFormula('potentieel')(context), context.row.potential) },
    {
      header: 'gewogen',
      width: 9,
      numFmt: '0.0',
      value: (context) =>
        formulaCell(`SUMIFS(${context.locations.column('gewicht')},${context.locations.column('status')},"actief",${context.counted})`, context.row.weighted),
    },
    ...parameters.participation.map(({ pct, cell: participation }): FigureColumn => ({
      ...participationColumn('gewenst', pct, participation),
      width: 11,
      numFmt: desiredFormat,
      value: ({ row, at }) => {
        if (!computable(row)) return null;
        const formula = `ROUND(${at('epa_aantal')}/${parameters.capacity}*${participation}/100,${decimals})`;
        return formulaCell(formula, targetFigures(row, pct, decimals).desired);
      },
    })),
    ...parameters.participation.map(({ pct, cell: participation }): FigureColumn => ({
      ...participationColumn('tekort', pct, participation),
      width: 10,
      numFmt: shortfallFormat,
      value: ({ row, at }) =>
        computable(row) ? formulaCell(`${at(`gewenst_${pct}`)}-${at('gewogen')}`, targetFigures(row, pct, decimals).shortfall) : null,
    })),
    ...parameters.participation.map(({ pct, cell: participation }): FigureColumn => ({
      ...participationColumn('dekking', pct, participation),
      width: 13,
      numFmt: '0.0',
      value: ({ row, at }) => {
        if (!computable(row)) return null;
        const desired = at(`gewenst_${pct}`);
        return formulaCell(`IF(${desired}>0,${at('gewogen')}/${desired}*100,"")`, targetFigures(row, pct, decimals).coverage ?? '');
      },
    })),
  ];
  const letters = new Map(columns.map((column, index) => [column.header, columnLetter(index + 1)]));
  const letter = (header: string): string => {
    const found = letters.get(header);
    if (found === undefined) throw new Error(`no coverage column '${header}'`);
    return found;
  };
  return { columns, letter };
}

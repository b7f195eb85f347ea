/**
 * Parameters: capacity, participation percentages and weights per size, used by every formula
 * in the workbook. Changing one recalculates the overview ("wat als"); it is not read back.
 */
import type ExcelJS from 'exceljs';
import type { MonitorData } from '../../../read/read-monitor.ts';
import { ClassifiedSize } from '../../../../sources/schema.ts';
import { absoluteCell, absoluteRange, protect, setText, unlock, writeHeader } from '../cells.ts';
import { SHEETS } from '../../layout.ts';

export interface ParameterRefs {
  capacity: string;
  /** One absolute cell per participation percentage, in the configured order. */
  participation: readonly { pct: number; cell: string }[];
  weightKeys: string;
  weightValues: string;
}

interface ParameterRow {
  label: string;
  value: number | string;
  explanation?: string;
  numFmt?: string;
  editable: boolean;
}

const FIRST_ROW = 2;

/** The rows of the sheet, editable ones first: capacity, participation, weights; then information. */
function parameterRows(data: MonitorData): ParameterRow[] {
  const { parameters, method } = data;
  const { visitorsPerWeek, dagdelenPerWeek } = parameters.sizeThresholds;
  return [
    { label: 'capaciteit', value: parameters.capacityPerWeek, explanation: 'bezoekers die een steunpunt per week bedient', numFmt: '#,##0', editable: true },
    ...parameters.participationPct.map((pct, index) => ({
      label: `deelname ${index + 1}`,
      value: pct,
      explanation: `deelnamepercentage (%) van de ${index + 1}e reeks kolommen gewenst, tekort en dekking`,
      numFmt: '0',
      editable: true,
    })),
    ...ClassifiedSize.options.map((size) => ({
      label: size,
      value: parameters.weights[size],
      explanation: `gewicht van een steunpunt met grootte ${size}`,
      numFmt: '0.0#',
      editable: true,
    })),
    { label: 'methode', value: method.name, explanation: method.description, editable: false },
    { label: 'inwonersjaar', value: method.populationYear, editable: false },
    { label: 'EPA-jaar', value: method.epaYear, editable: false },
    {
      label: 'grootte-indeling',
      value: '',
      explanation:
        `bezoekers per week: < ${visitorsPerWeek.smallBelow} klein, > ${visitorsPerWeek.largeAbove} groot; ` +
        `anders dagdelen per week: ≤ ${dagdelenPerWeek.smallAtMost} klein, ≥ ${dagdelenPerWeek.largeAtLeast} groot (toegepast bij de build, niet in dit bestand)`,
      editable: false,
    },
  ];
}

export function parameterRefs(data: MonitorData): ParameterRefs {
  const rows = parameterRows(data);
  const rowOf = (label: string) => FIRST_ROW + rows.findIndex((row) => row.label === label);
  const weightRows = ClassifiedSize.options.map(rowOf);
  const firstWeight = Math.min(...weightRows);
  const lastWeight = Math.max(...weightRows);
  return {
    capacity: absoluteCell(SHEETS.parameters, 'B', rowOf('capaciteit')),
    participation: data.parameters.participationPct.map((pct, index) => ({
      pct,
      cell: absoluteCell(SHEETS.parameters, 'B', rowOf(`deelname ${index + 1}`)),
    })),
    weightKeys: absoluteRange(SHEETS.parameters, 'A', firstWeight, lastWeight),
    weightValues: absoluteRange(SHEETS.parameters, 'B', firstWeight, lastWeight),
  };
}

export function addParametersSheet(workbook: ExcelJS.Workbook, data: MonitorData): void {
  const sheet = workbook.addWorksheet(SHEETS.parameters);
  writeHeader(sheet, [
    { header: 'Parameter', width: 18 },
    { header: 'Waarde', width: 12 },
    { header: 'Toelichting', width: 100 },
  ]);
  parameterRows(data).forEach((entry, index) => {
    const row = sheet.getRow(FIRST_ROW + index);
    row.getCell(1).value = entry.label;
    const value = row.getCell(2);
    if (typeof entry.value === 'number') value.value = entry.value;
    else setText(value, entry.value);
    if (entry.numFmt !== undefined) value.numFmt = entry.numFmt;
    if (entry.editable) unlock(value);
    setText(row.getCell(3), entry.explanation);
    // Label and value stay beside the first line of a wrapped explanation.
    row.getCell(1).alignment = { vertical: 'top' };
    value.alignment = { vertical: 'top' };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  });
  protect(sheet);
}

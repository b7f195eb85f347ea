/**
 * Reading the Locaties sheet back: per row with an id, the changed editable values (old → new)
 * and errors for edited ids and derived columns; a row without id is a new location; an id of
 * the monitor that no row carries any more is an error (a location is closed by its status).
 */
import type ExcelJS from 'exceljs';
import { LOCATION_COLUMNS, SHEETS, locationContext, type LocationColumn, type LocationContext } from '../layout.ts';
import type { LocationRow, MonitorData } from '../../read/read-monitor.ts';
import { columnOf, describeCell, headerColumns, normaliseText, readCell, type ReadCell } from './cells.ts';
import { validateField, type FieldRules } from './field-value.ts';
import { readNewLocation } from './new-location.ts';
import { correctionError, type Correction, type CorrectionError, type CorrectionsResult } from '../../corrections/types.ts';

const SHEET = SHEETS.locations;
const ID_COLUMN = LOCATION_COLUMNS.find((column) => column.role === 'id');
const ID_HEADER = ID_COLUMN?.header ?? 'location_id';
/** Messages name a column as the sheet shows it. */
const ID_LABEL = ID_COLUMN?.label ?? 'Locatie-id';

interface SheetRow {
  row: number;
  cells: Map<LocationColumn, ReadCell>;
}

export function readLocationsSheet(workbook: ExcelJS.Workbook, current: MonitorData): CorrectionsResult {
  const sheet = workbook.getWorksheet(SHEET);
  if (sheet === undefined) return { changes: [], errors: [correctionError(SHEET, null, null, 'het werkblad ontbreekt')] };
  const headers = headerColumns(sheet);
  const columns = new Map(LOCATION_COLUMNS.map((column) => [column, columnOf(headers, [column.label, column.header])]));
  const missing = LOCATION_COLUMNS.filter((column) => columns.get(column) === undefined);
  if (missing.length > 0) {
    const reason = 'de kolom ontbreekt; voeg geen kolommen toe of weg en wijzig de kopjes niet';
    return { changes: [], errors: missing.map((column) => correctionError(SHEET, 1, column.label, reason)) };
  }

  const rows = sheetRows(sheet, columns);
  const byId = new Map(current.locations.map((location, index) => [location.location_id, { location, row: index + 2 }]));
  const idRows = new Map<string, number[]>();
  for (const { row, cells } of rows) {
    const id = idOf(cells);
    if (id === null) continue;
    const rowsOfId = idRows.get(id);
    if (rowsOfId === undefined) idRows.set(id, [row]);
    else rowsOfId.push(row);
  }

  const changes: Correction[] = [];
  const errors: CorrectionError[] = [];
  const accounted = new Set<string>();
  const rules: FieldRules = { municipalities: new Set(current.municipalities.map((row) => row.area)), row: 'existing' };
  const context = locationContext(current);

  for (const sheetRow of rows) {
    const idCell = cellOf(sheetRow.cells, ID_HEADER);
    if (idCell.kind === 'empty') {
      const result = readNewLocation(sheetRow.row, sheetRow.cells, { ...rules, row: 'new' });
      changes.push(...result.changes);
      errors.push(...result.errors);
      continue;
    }
    const id = idOf(sheetRow.cells);
    const known = id === null ? undefined : byId.get(id);
    if (id !== null && known !== undefined) {
      const first = idRows.get(id)?.[0];
      if (first !== undefined && first !== sheetRow.row) {
        errors.push(correctionError(SHEET, sheetRow.row, ID_LABEL, `de id ${id} staat ook in rij ${first}; elke locatie staat één keer in de lijst`));
        continue;
      }
      accounted.add(id);
      readExistingRow(sheetRow, known.location, context, rules, changes, errors);
      continue;
    }
    // The id is not the monitor's: an edited id when the location written in this row is nowhere else.
    const written = current.locations[sheetRow.row - 2];
    if (written !== undefined && !idRows.has(written.location_id)) {
      errors.push(
        correctionError(SHEET, sheetRow.row, ID_LABEL, `de id is gewijzigd (was ${written.location_id}, nu ${describeCell(idCell)}); ids zijn niet bewerkbaar`),
      );
      accounted.add(written.location_id);
      readExistingRow(sheetRow, written, context, rules, changes, errors);
    } else {
      errors.push(correctionError(SHEET, sheetRow.row, ID_LABEL, `onbekende id ${describeCell(idCell)}; een nieuwe locatie voegt u toe zonder id`));
    }
  }

  for (const [id, { location, row }] of byId) {
    if (accounted.has(id)) continue;
    errors.push(
      correctionError(
        SHEET,
        null,
        ID_LABEL,
        `locatie ${id} '${location.name}' (rij ${row}) ontbreekt; een locatie sluit u met status gesloten, niet door de rij te verwijderen`,
      ),
    );
  }
  return { changes, errors };
}

function readExistingRow(
  sheetRow: SheetRow,
  location: LocationRow,
  context: LocationContext,
  rules: FieldRules,
  changes: Correction[],
  errors: CorrectionError[],
): void {
  const fail = (column: LocationColumn, reason: string) => errors.push(correctionError(SHEET, sheetRow.row, column.label, reason));
  for (const [column, cell] of sheetRow.cells) {
    switch (column.role) {
      case 'id':
        break;
      case 'formula':
        if (cell.kind !== 'formula' && cell.kind !== 'empty') fail(column, 'deze kolom wordt berekend en is niet bewerkbaar');
        break;
      case 'derived': {
        const written = column.value(location, context);
        const was = written === null ? null : normaliseText(String(written));
        const now = cell.kind === 'value' ? normaliseText(String(cell.value)) : null;
        if (cell.kind === 'formula' || cell.kind === 'invalid' || was !== now) {
          fail(column, `deze kolom wordt berekend en is niet bewerkbaar (was ${was ?? 'leeg'}, nu ${describeCell(cell)})`);
        }
        break;
      }
      case 'editable': {
        if (cell.kind === 'formula') {
          fail(column, `hier staat een formule (=${cell.formula}); formules in gegevenscellen worden niet overgenomen, typ de waarde zelf`);
          break;
        }
        if (cell.kind === 'invalid') {
          fail(column, `hier staat ${cell.what}; typ tekst`);
          break;
        }
        const raw = cell.kind === 'value' ? cell.value : null;
        const written = column.value(location, context);
        const from = typeof written === 'string' ? normaliseText(written) : written;
        // An untouched value is not validated again: the monitor already holds it.
        if (raw === from || (raw !== null && from !== null && String(raw) === String(from))) break;
        const result = validateField(column, raw, rules);
        if (!result.ok) {
          fail(column, result.reason);
          break;
        }
        if (result.value !== from) {
          changes.push({
            kind: 'change',
            sheet: SHEET,
            row: sheetRow.row,
            rowHasErrors: false,
            locationId: location.location_id,
            locationName: location.name,
            field: column.field,
            column: column.header,
            from,
            to: result.value,
          });
        }
        break;
      }
    }
  }
}

/** Every row below the header that holds anything besides the gewicht formula. */
function sheetRows(sheet: ExcelJS.Worksheet, columns: ReadonlyMap<LocationColumn, number | undefined>): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const cells = new Map<LocationColumn, ReadCell>();
    for (const [column, number] of columns) {
      if (number !== undefined) cells.set(column, readCell(sheet.getCell(row, number)));
    }
    const filled = [...cells].some(([column, cell]) => cell.kind !== 'empty' && !(column.role === 'formula' && cell.kind === 'formula'));
    if (filled) rows.push({ row, cells });
  }
  return rows;
}

function cellOf(cells: Map<LocationColumn, ReadCell>, header: string): ReadCell {
  for (const [column, cell] of cells) if (column.header === header) return cell;
  return { kind: 'empty' };
}

function idOf(cells: Map<LocationColumn, ReadCell>): string | null {
  const cell = cellOf(cells, ID_HEADER);
  return cell.kind === 'value' ? String(cell.value) : null;
}

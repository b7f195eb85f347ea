/** A Locaties row without location_id: a new location, checked with the shared inventory schema. */
import { SHEETS, type LocationColumn } from '../layout.ts';
import { InventoryRecord, type InventoryField } from '../../../sources/schema.ts';
import type { ReadCell } from './cells.ts';
import { validateField, type FieldRules } from './field-value.ts';
import { correctionError, type CorrectionError, type CorrectionsResult } from '../../corrections/types.ts';

const SHEET = SHEETS.locations;

export function readNewLocation(row: number, cells: ReadonlyMap<LocationColumn, ReadCell>, rules: FieldRules): CorrectionsResult {
  const errors: CorrectionError[] = [];
  const failed = new Set<InventoryField>();
  const input: Partial<Record<InventoryField, string | number>> = {};
  const fail = (column: LocationColumn, reason: string) => errors.push(correctionError(SHEET, row, column.label, reason));

  for (const [column, cell] of cells) {
    if (column.role === 'formula') {
      if (cell.kind !== 'formula' && cell.kind !== 'empty') fail(column, 'deze kolom wordt berekend en is niet bewerkbaar');
      continue;
    }
    if (column.role !== 'editable') {
      if (cell.kind !== 'empty') fail(column, 'deze kolom wordt bij de verwerking bepaald; laat haar leeg bij een nieuwe locatie');
      continue;
    }
    if (cell.kind === 'formula' || cell.kind === 'invalid') {
      failed.add(column.field);
      fail(
        column,
        cell.kind === 'formula'
          ? `hier staat een formule (=${cell.formula}); formules in gegevenscellen worden niet overgenomen, typ de waarde zelf`
          : `hier staat ${cell.what}; typ tekst`,
      );
      continue;
    }
    const result = validateField(column, cell.kind === 'value' ? cell.value : null, rules);
    if (!result.ok) {
      failed.add(column.field);
      fail(column, result.reason);
    } else if (result.value !== null && !(column.field === 'size' && result.value === 'onbekend')) {
      input[column.field] = result.value;
    }
  }

  const parsed = InventoryRecord.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (failed.has(field as InventoryField)) continue;
      const column = [...cells.keys()].find((candidate) => candidate.role === 'editable' && candidate.field === field);
      errors.push(correctionError(SHEET, row, column?.label ?? null, issue.message));
    }
    return { changes: [], errors };
  }
  return { changes: [{ kind: 'new-location', sheet: SHEET, row, rowHasErrors: errors.length > 0, record: parsed.data }], errors };
}

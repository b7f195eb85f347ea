import { MonitorError } from '../errors.ts';
import type { InventoryField } from '../schema.ts';
import { FIELD_LABELS } from './header-synonyms.ts';
import { firstControlCharacter, shownText } from './shown-text.ts';
import type { TableColumn } from './table.ts';

/** How many found columns a message lists before it says "…". */
const LISTED_COLUMNS = 10;

/**
 * Fails when a header holds a control character, when two columns mean the same thing, or when
 * the one required column, the name, is missing.
 */
export function checkColumns(file: string, columns: readonly TableColumn[]): void {
  const headerByField = new Map<InventoryField, string>();
  const unknownHeaders = new Set<string>();
  for (const { header, field } of columns) {
    if (firstControlCharacter(header) !== undefined) {
      throw new MonitorError(`kolomnaam '${shownText(header)}' bevat een stuurteken; haal het weg`, { location: { file, row: 1 } });
    }
    if (field === null) {
      if (unknownHeaders.has(header)) throw duplicate(file, `'${shownText(header)}' komt meer dan één keer voor`);
      unknownHeaders.add(header);
      continue;
    }
    const earlier = headerByField.get(field);
    if (earlier === header) throw duplicate(file, `'${shownText(header)}' komt meer dan één keer voor`);
    if (earlier !== undefined) {
      throw duplicate(file, `'${shownText(earlier)}' en '${shownText(header)}' betekenen allebei '${FIELD_LABELS[field]}'`);
    }
    headerByField.set(field, header);
  }
  if (!headerByField.has('name')) {
    throw new MonitorError(`kolom '${FIELD_LABELS.name}' ontbreekt (gevonden kolommen: ${foundColumns(columns)})`, { location: { file } });
  }
}

function foundColumns(columns: readonly TableColumn[]): string {
  if (columns.length === 0) return 'geen';
  const listed = columns.slice(0, LISTED_COLUMNS).map(({ header }) => shownText(header));
  return columns.length > LISTED_COLUMNS ? `${listed.join(', ')}, … (${columns.length} in totaal)` : listed.join(', ');
}

function duplicate(file: string, detail: string): MonitorError {
  return new MonitorError(`dubbele kolom: ${detail}`, { location: { file } });
}

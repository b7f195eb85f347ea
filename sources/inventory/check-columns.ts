import { MonitorError } from '../errors.ts';
import type { InventoryField } from '../schema.ts';
import { FIELD_LABELS } from './header-synonyms.ts';
import type { TableColumn } from './table.ts';

/** Fails when two columns mean the same thing, or when the one required column, the name, is missing. */
export function checkColumns(file: string, columns: readonly TableColumn[]): void {
  const headerByField = new Map<InventoryField, string>();
  const unknownHeaders = new Set<string>();
  for (const { header, field } of columns) {
    if (field === null) {
      if (unknownHeaders.has(header)) throw duplicate(file, `'${header}' komt meer dan één keer voor`);
      unknownHeaders.add(header);
      continue;
    }
    const earlier = headerByField.get(field);
    if (earlier === header) throw duplicate(file, `'${header}' komt meer dan één keer voor`);
    if (earlier !== undefined) throw duplicate(file, `'${earlier}' en '${header}' betekenen allebei '${FIELD_LABELS[field]}'`);
    headerByField.set(field, header);
  }
  if (!headerByField.has('name')) {
    const found = columns.length === 0 ? 'geen' : columns.map(({ header }) => header).join(', ');
    throw new MonitorError(`kolom '${FIELD_LABELS.name}' ontbreekt (gevonden kolommen: ${found})`, { location: { file } });
  }
}

function duplicate(file: string, detail: string): MonitorError {
  return new MonitorError(`dubbele kolom: ${detail}`, { location: { file } });
}

/**
 * From raw entries of a list of steunpunten (MIND-atlas, NVZH) to validated InventoryRecords, with
 * the check for structural change: no entries at all, or a required field missing in most of them,
 * means the page changed, not that the steunpunten did.
 */
import type { ParseResult, RawFile } from '../adapter.ts';
import { FIELD_LABELS } from '../inventory/header-synonyms.ts';
import { type InventoryField, type InventoryInput, InventoryRecord } from '../schema.ts';
import { sourceError } from './source-io.ts';

export interface InventoryCandidate {
  input: InventoryInput;
  file: RawFile;
  /** 1-based position of the entry in its file. */
  position: number;
}

/** A field (or one of several) every entry of the source should have; a majority without it is a structural change. */
export interface RequiredField {
  label: string;
  present: (input: InventoryInput) => boolean;
}

export const REQUIRED_NAME: RequiredField = { label: 'naam', present: (input) => hasText(input.name) };
export const REQUIRED_PLACE: RequiredField = {
  label: 'plaats (of postcode of gemeente)',
  present: (input) => hasText(input.place) || hasText(input.postcode) || hasText(input.municipality),
};

export function toInventoryRecords(
  sourceId: string,
  where: string,
  candidates: readonly InventoryCandidate[],
  required: readonly RequiredField[],
): ParseResult<InventoryRecord> {
  if (candidates.length === 0) throw sourceError(sourceId, `geen enkele locatie gevonden op ${where}; is de pagina veranderd?`);
  for (const { label, present } of required) {
    const missing = candidates.filter(({ input }) => !present(input)).length;
    if (missing * 2 > candidates.length) {
      throw sourceError(
        sourceId,
        `${label} ontbreekt bij ${missing} van de ${candidates.length} locaties op ${where}; is de pagina veranderd?`,
      );
    }
  }
  const result: ParseResult<InventoryRecord> = { records: [], rejects: [] };
  for (const { input, file, position } of candidates) {
    const parsed = InventoryRecord.safeParse(input);
    if (parsed.success) {
      result.records.push({ record: parsed.data, origin: `${file.name}#${position}` });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      result.rejects.push({
        source: sourceId,
        file: file.name,
        row: position,
        field: field in FIELD_LABELS ? FIELD_LABELS[field as InventoryField] : field,
        reason: issue.message,
      });
    }
  }
  return result;
}

function hasText(value: unknown): boolean {
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** Extra fields without the empty ones, so records do not differ by empty keys. */
export function compactExtra(extra: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(extra).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/**
 * One usable row of an inventory list, as the inventory-list adapter yields it: the validated
 * record, what was noticed while reading it, and why a location field was left empty. The
 * pipeline resolves the record to a municipality; when nothing resolves, the emptied field is the
 * reason it gives.
 */
import { z } from 'zod';
import { type InventoryField, InventoryRecord } from '../schema.ts';

/** What the import noticed about a row that it still counts. */
export const FieldNote = z.object({
  row: z.number().int().positive(),
  /** The column as the file names it. */
  field: z.string(),
  reason: z.string().min(1),
});
export type FieldNote = z.infer<typeof FieldNote>;

export const InventoryListRow = z.object({
  /** The spreadsheet row (header = 1). */
  row: z.number().int().positive(),
  record: InventoryRecord,
  notes: z.array(FieldNote),
  /** The first location field (postcode, municipality, place, …) left empty because it could not be read: its column and reason. */
  emptiedLocation: z.object({ column: z.string(), reason: z.string().min(1) }).optional(),
});
export type InventoryListRow = z.infer<typeof InventoryListRow>;

/** The fields a record is located by: when all are empty, nothing resolves. */
export const LOCATION_FIELDS: readonly InventoryField[] = ['postcode', 'gmCode', 'municipality', 'place', 'izaRegion'];

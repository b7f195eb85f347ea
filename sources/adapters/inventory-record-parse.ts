/**
 * `InventoryRecord.safeParse` for a list's rows, field by field with each outcome remembered
 * (../row-check.ts): a list repeats most of its values (status, size, municipality, region, place,
 * counts), and checking whole row objects with zod was most of the import's own time at a million
 * rows. A field the row leaves out is settled as zod settles it in a record with only a name.
 */
import { rowCheck } from '../row-check.ts';
import { InventoryRecord } from '../schema.ts';

export const parseInventoryRecord = rowCheck(InventoryRecord, { absentAsIn: { name: 'naam' } });

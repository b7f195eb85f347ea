/**
 * `InventoryRecord.safeParse` for a list's rows, with each field's outcome remembered by its text.
 * A list repeats most of its values (status, size, municipality, region, place, counts), and
 * checking a whole row object with zod was most of the import's own time at a million rows. A
 * field's schema is a pure function of its text and the record schema has no rule across fields,
 * so a row is valid exactly when each field is, and its record is the fields' values put together
 * as zod puts them: in the schema's key order, a present key always kept, an absent key kept only
 * when zod keeps it (found once by parsing a record that has only a name). A row with any field
 * that fails, or with an absent key zod would not accept, is parsed whole by zod, so its issues
 * (and the rejects made of them) are zod's own.
 */
import { z } from 'zod';
import { type InventoryInput, InventoryRecord } from '../schema.ts';

type Parsed = ReturnType<typeof InventoryRecord.safeParse>;
type Key = keyof typeof InventoryRecord.shape;
type FieldOutcome = { ok: true; value: unknown } | { ok: false };

/** Texts remembered per field before its memory starts over. */
const REMEMBERED = 50_000;
/** A field whose texts seldom repeat (names, addresses) stops being remembered after this many look-ups with fewer hits than misses. */
const TRIAL = 2_000;
const KEYS = Object.keys(InventoryRecord.shape) as Key[];
const FAILED: FieldOutcome = { ok: false };
/**
 * A rule across fields (a refine on the record), or a catchall that keeps unknown keys, makes the
 * field-by-field outcome wrong: then every row is parsed whole.
 */
const WHOLE_ROWS_ONLY = (InventoryRecord._zod.def.checks?.length ?? 0) > 0 || InventoryRecord._zod.def.catchall !== undefined;

interface Memory {
  known: Map<string | undefined, FieldOutcome>;
  lookups: number;
  hits: number;
}
const memories = new Map<Key, Memory>(KEYS.map((key) => [key, { known: new Map(), lookups: 0, hits: 0 }]));
/** What zod makes of a record with only a name: the keys it keeps when absent, with their values. */
const whenAbsent = absentOutcomes();

export function parseInventoryRecord(input: InventoryInput): Parsed {
  if (WHOLE_ROWS_ONLY) return InventoryRecord.safeParse(input);
  const record: Record<string, unknown> = {};
  const given = input as Record<string, unknown>;
  for (const key of KEYS) {
    if (!(key in given)) {
      const absent = whenAbsent.get(key);
      if (absent === undefined) return InventoryRecord.safeParse(input);
      if (absent.kept) record[key] = absent.value;
      continue;
    }
    const outcome = key === 'extra' ? fieldOutcome(key, given[key]) : rememberedOutcome(key, given[key]);
    if (!outcome.ok) return InventoryRecord.safeParse(input);
    record[key] = outcome.value;
  }
  return { success: true, data: record as z.infer<typeof InventoryRecord> } as Parsed;
}

function rememberedOutcome(key: Key, value: unknown): FieldOutcome {
  const memory = memories.get(key)!;
  // Only texts and absent values are remembered: the outcome of an object could change with it.
  if ((typeof value !== 'string' && value !== undefined) || (memory.lookups >= TRIAL && memory.hits * 2 < memory.lookups)) return fieldOutcome(key, value);
  memory.lookups += 1;
  const outcome = memory.known.get(value);
  if (outcome !== undefined) {
    memory.hits += 1;
    return outcome;
  }
  if (memory.known.size >= REMEMBERED) memory.known.clear();
  const fresh = fieldOutcome(key, value);
  memory.known.set(value, fresh);
  return fresh;
}

function fieldOutcome(key: Key, value: unknown): FieldOutcome {
  const parsed = InventoryRecord.shape[key].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : FAILED;
}

function absentOutcomes(): Map<Key, { kept: boolean; value: unknown }> {
  const probe = InventoryRecord.safeParse({ name: 'naam' });
  if (!probe.success) throw new Error('InventoryRecord refuses a record with only a name');
  const data = probe.data as Record<string, unknown>;
  // extra's default is an object: a fresh one per record, never one shared by all.
  return new Map(KEYS.filter((key) => key !== 'name' && key !== 'extra').map((key) => [key, { kept: key in data, value: data[key] }]));
}

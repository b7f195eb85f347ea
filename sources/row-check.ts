/**
 * `schema.safeParse` for many rows of one object schema, each field's outcome remembered by its
 * text. Lists and reference files repeat most of their values (codes, names, statuses, places,
 * counts), and zod checking whole row objects was most of the time of reading them.
 *
 * Why field by field is exact: without a rule across fields (a refine on the object) or a catchall
 * that keeps unknown keys, zod checks each key with its own schema, a pure function of the key's
 * value. So a row is valid exactly when each field is, and its record is the fields' values put
 * together as zod puts them: in the schema's key order, unknown keys left out, a present key always
 * kept, an absent key as zod settles it (found once on `absentAsIn`; without it, a row with an
 * absent key is parsed whole). A row with any field that fails is parsed whole too, so its issues
 * (and every message made of them) are zod's own. A schema with a rule across fields or a
 * catchall is always parsed whole.
 */
import type { z } from 'zod';

export interface RowCheckOptions<S extends z.ZodObject> {
  /**
   * A valid row holding only the keys that must be given: a key absent from a row is then kept or
   * left out, with its default, as zod does for this row. A key whose default is an object is not
   * settled this way (each record needs its own), nor are the keys of this row.
   */
  absentAsIn?: z.input<S>;
  /** Texts remembered per field before that field's memory starts over. */
  remembered?: number;
  /** A field whose texts seldom repeat (names, addresses) is no longer remembered after this many look-ups with fewer hits than misses. */
  trial?: number;
  /**
   * Per key, a check cheaper than zod that gives the value zod would give, or `UNDECIDED` when it
   * is not certain (then the field is checked as any other): for keys whose texts seldom repeat.
   */
  exact?: { readonly [K in keyof S['shape']]?: (value: unknown) => unknown };
}

/** What an exact check answers when zod must decide. */
export const UNDECIDED: unique symbol = Symbol('undecided');

export type RowCheck<S extends z.ZodObject> = (row: Readonly<Record<string, unknown>>) => z.ZodSafeParseResult<z.output<S>>;

type Outcome = { ok: true; value: unknown } | { ok: false };
const FAILED: Outcome = { ok: false };
/** What zod makes of a key absent from the row. */
type Absent = { kept: boolean; value: unknown };

const DEFAULT_REMEMBERED = 50_000;
const DEFAULT_TRIAL = 2_000;

export function rowCheck<S extends z.ZodObject>(schema: S, options: RowCheckOptions<S> = {}): RowCheck<S> {
  const whole: RowCheck<S> = (row) => schema.safeParse(row);
  const def = schema._zod.def;
  if ((def.checks?.length ?? 0) > 0 || def.catchall !== undefined) return whole;
  const absent = options.absentAsIn === undefined ? new Map<string, Absent>() : absentOutcomes(schema, options.absentAsIn);
  const limits = { remembered: options.remembered ?? DEFAULT_REMEMBERED, trial: options.trial ?? DEFAULT_TRIAL };
  const exact: Readonly<Record<string, ((value: unknown) => unknown) | undefined>> = options.exact ?? {};
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, type]) => new Field(key, type, absent.get(key), limits, exact[key]));
  return (row) => {
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const value = row[field.key];
      if (value === undefined && !(field.key in row)) {
        if (field.absent === undefined) return whole(row);
        if (field.absent.kept) record[field.key] = field.absent.value;
        continue;
      }
      if (field.exact !== undefined) {
        const settled = field.exact(value);
        if (settled !== UNDECIDED) {
          record[field.key] = settled;
          continue;
        }
      }
      const outcome = field.outcome(value);
      if (!outcome.ok) return whole(row);
      record[field.key] = outcome.value;
    }
    return { success: true, data: record } as z.ZodSafeParseResult<z.output<S>>;
  };
}

/** One key of the schema: its outcomes by text, while remembering them pays. */
class Field {
  private known: Map<string | undefined, Outcome> | undefined = new Map();
  private lookups = 0;
  private hits = 0;

  constructor(
    readonly key: string,
    private readonly type: z.ZodType,
    readonly absent: Absent | undefined,
    private readonly limits: { remembered: number; trial: number },
    readonly exact: ((value: unknown) => unknown) | undefined,
  ) {}

  outcome(value: unknown): Outcome {
    const known = this.known;
    // Only texts and undefined are looked up: the outcome of an object could change with it.
    if (known === undefined || (typeof value !== 'string' && value !== undefined)) return this.checked(value);
    this.lookups += 1;
    const remembered = known.get(value);
    if (remembered !== undefined) {
      this.hits += 1;
      return remembered;
    }
    if (this.lookups >= this.limits.trial && this.hits * 2 < this.lookups) {
      this.known = undefined;
      return this.checked(value);
    }
    if (known.size >= this.limits.remembered) known.clear();
    const fresh = this.checked(value);
    // A value that is an object (a default {}) belongs to one record only.
    if (!fresh.ok || !isObject(fresh.value)) known.set(value, fresh);
    return fresh;
  }

  private checked(value: unknown): Outcome {
    const parsed = this.type.safeParse(value);
    return parsed.success ? { ok: true, value: parsed.data } : FAILED;
  }
}

function absentOutcomes<S extends z.ZodObject>(schema: S, given: z.input<S>): Map<string, Absent> {
  const probe = schema.safeParse(given);
  if (!probe.success) throw new Error(`rowCheck: absentAsIn is refused by its own schema: ${probe.error.message}`);
  const data = probe.data as Record<string, unknown>;
  const settled = new Map<string, Absent>();
  for (const key of Object.keys(schema.shape)) {
    if (key in (given as object) || isObject(data[key])) continue;
    settled.set(key, { kept: key in data, value: data[key] });
  }
  return settled;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/**
 * `schema.safeParse` for the rows of one reference file, each field's outcome remembered by its
 * text: the files repeat most values (codes, names, provinces), and zod checking whole row
 * objects was most of reading them. A reference schema is an object of fields without a rule
 * across fields, each field a pure function of its text, so a row is valid exactly when each of
 * its fields is, and its record holds the fields' values in the schema's key order, unknown
 * columns left out, as zod makes it. A row with a field that fails or is missing is parsed whole
 * by zod, so the issue reported is zod's own.
 */
import type { z } from 'zod';

type Outcome = { ok: true; value: unknown } | { ok: false };
const FAILED: Outcome = { ok: false };

export type RowCheck<S extends z.ZodObject> = (raw: Readonly<Record<string, string | undefined>>) => z.ZodSafeParseResult<z.infer<S>>;

export function rowCheck<S extends z.ZodObject>(schema: S): RowCheck<S> {
  const def = schema._zod.def;
  // A rule across fields, or a catchall that keeps unknown columns, makes field by field wrong.
  if ((def.checks?.length ?? 0) > 0 || def.catchall !== undefined) return (raw) => schema.safeParse(raw);
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, type]) => ({ key, type, known: new Map<string, Outcome>() }));
  return (raw) => {
    const record: Record<string, unknown> = {};
    for (const { key, type, known } of fields) {
      const text = raw[key];
      if (typeof text !== 'string') return schema.safeParse(raw);
      let outcome = known.get(text);
      if (outcome === undefined) {
        const parsed = type.safeParse(text);
        outcome = parsed.success ? { ok: true, value: parsed.data } : FAILED;
        known.set(text, outcome);
      }
      if (!outcome.ok) return schema.safeParse(raw);
      record[key] = outcome.value;
    }
    return { success: true, data: record as z.infer<S> } as z.ZodSafeParseResult<z.infer<S>>;
  };
}

/**
 * A site description (`<id>.site.ts`) is data a person edits, checked against its schema. The check
 * runs when a part of the description is first read (a fetch, `fetch --check`, the parse of a
 * snapshot), not when the module loads: every command loads the adapters, and most (run, report)
 * never read a description, so checking at load cost each start some 15 ms for nothing.
 */
import type { z } from 'zod';

/**
 * The description as its schema gives it back, checked (the schema's error, as `parse` throws it)
 * when any of its top-level parts is first read, and then never again.
 */
export function checkedOnFirstRead<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  description: z.input<z.ZodObject<Shape>>,
): z.output<z.ZodObject<Shape>> {
  let checked: z.output<z.ZodObject<Shape>> | undefined;
  const part = (key: string): unknown => {
    checked ??= schema.parse(description);
    return (checked as Record<string, unknown>)[key];
  };
  const parts = Object.keys(schema.shape).map((key) => [key, { enumerable: true, get: () => part(key) }] as const);
  return Object.defineProperties({}, Object.fromEntries(parts)) as z.output<z.ZodObject<Shape>>;
}

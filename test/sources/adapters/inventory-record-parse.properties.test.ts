/**
 * Property test (fast-check): the field-by-field parse of a list row gives what
 * `InventoryRecord.safeParse` gives, to the key and its order — valid or not, keys absent or
 * present but empty, values repeated (remembered) or new, awkward texts (control characters,
 * over-long, counts, postcodes, codes, vocabulary words in any case). Also with a memory so small
 * that it starts over and gives up on fields within the run (the import's own bounds are reached
 * only past thousands of rows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInventoryRecord } from '../../../sources/adapters/inventory-record-parse.ts';
import { rowCheck, type RowCheck } from '../../../sources/row-check.ts';
import { EXTRA_KEYS, INVENTORY_FIELDS, InventoryRecord, type InventoryInput } from '../../../sources/schema.ts';

const AWKWARD = [
  '', ' ', '  Herstelcafé   De Brug ', 'actief', 'Active', 'GESLOTEN', 'onbekend', 'unknown', 'constructor', 'middel', 'Large',
  'ca. 40', '2,5', '2.5', '-1', '22', '100001', '40+', 'ongeveer 12', '1234ab', '1234-AB', '5038 ab', '0123 AB', '363', 'GM0363', 'gm363',
  'Utrecht', 'a\u001bb', 'x\u202ey', '=HYPERLINK("x")', '@ease', 'x'.repeat(501), 'y'.repeat(2001),
  // White space the schema folds, and texts at and around the length bounds (the exact checks must keep them).
  ' a\t\tb\u00a0 c\n', '\u2028x\u3000', '\t', ' 1234 AB', '1234 AB ', '1234  AB', '1234 ab', '1234 A', '12345', '9999 ZZ', '1000',
  ' '.repeat(3) + 'z'.repeat(500), 'x'.repeat(500), 'y'.repeat(1000), 'y'.repeat(1999) + ' ', 'y'.repeat(2000), ` ${'w '.repeat(260)}`,
];
const text = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ maxLength: 12 }), fc.constant(undefined));

const input: fc.Arbitrary<InventoryInput> = fc
  .record({
    fields: fc.dictionary(fc.constantFrom(...INVENTORY_FIELDS), text),
    extra: fc.dictionary(fc.constantFrom(...EXTRA_KEYS, 'telefoonnummer'), fc.oneof(fc.string({ maxLength: 8 }), fc.constant('z'.repeat(2001)))),
    nameGiven: fc.boolean(),
    extraGiven: fc.boolean(),
  })
  .map(({ fields, extra, nameGiven, extraGiven }) => ({
    ...fields,
    ...(nameGiven ? { name: fields.name } : {}),
    ...(extraGiven ? { extra } : {}),
  }) as InventoryInput);

function sameAsZod(check: RowCheck<typeof InventoryRecord>, runs: number): void {
  fc.assert(
    fc.property(input, (given) => {
      const fast = check(given);
      const zod = InventoryRecord.safeParse(given);
      expect(fast.success).toBe(zod.success);
      if (fast.success && zod.success) {
        expect(fast.data).toStrictEqual(zod.data);
        expect(Object.keys(fast.data)).toEqual(Object.keys(zod.data));
      } else {
        expect(fast.error?.issues).toStrictEqual(zod.error?.issues);
      }
    }),
    { numRuns: runs },
  );
}

/** Texts of the characters that decide a text field's outcome: letters, digits, white space, control characters. */
const spelled = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '0', '5', 'A', 'b', '-', ' ', '\t', '\n', '\u00a0', '\u2028', '\u001b', '\u202e'), maxLength: 10 });

describe('parseInventoryRecord', () => {
  it('settles each field of an otherwise valid row as zod does (the exact checks, not only whole-row refusals)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INVENTORY_FIELDS), fc.oneof(fc.constantFrom(...AWKWARD), spelled), fc.constantFrom(...AWKWARD), (field, value, name) => {
        for (const given of [{ name: 'Inloop', [field]: value, extra: {} }, { name, [field]: value, extra: {} }, { [field]: value, name: value, extra: {} }]) {
          const fast = parseInventoryRecord(given);
          const zod = InventoryRecord.safeParse(given);
          expect(fast.success ? fast.data : fast.error.issues).toStrictEqual(zod.success ? zod.data : zod.error.issues);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what InventoryRecord.safeParse gives, keys in the same order', () => {
    sameAsZod(parseInventoryRecord, 1000);
  });

  it('gives the same with a memory that starts over every few texts and fields given up after a short trial', () => {
    sameAsZod(rowCheck(InventoryRecord, { absentAsIn: { name: 'naam' }, remembered: 3, trial: 20 }), 1000);
  });

  it('gives every record its own extra object', () => {
    const first = parseInventoryRecord({ name: 'A', extra: {} });
    const second = parseInventoryRecord({ name: 'B', extra: {} });
    expect(first.success && second.success && first.data.extra !== second.data.extra).toBe(true);
    // extra given as undefined takes its default, the same text for every row: still one object each.
    const [third, fourth] = [parseInventoryRecord({ name: 'C', extra: undefined }), parseInventoryRecord({ name: 'D', extra: undefined })];
    expect(third.success && fourth.success && third.data.extra !== fourth.data.extra).toBe(true);
  });
});

/**
 * Property tests (fast-check) for reading an inventory: whatever bytes arrive, the reader gives a
 * table (whose rows then either validate or give rejects) or a MonitorError — never another
 * exception. Runs are bounded so the suite stays fast.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonitorError } from '../../../sources/errors.ts';
import { readInventoryTableFromBytes, type InventoryTable } from '../../../sources/inventory/read-table.ts';
import { INVENTORY_FIELDS, InventoryRecord, LOCATION_STATUSES, SIZE_CLASSES, unsafeTextReason } from '../../../sources/schema.ts';
import { csvText, handWrittenXlsx } from '../../fixtures/bad/make-bad-files.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The reader's outcome: a table, or the MonitorError it was refused with. Anything else fails the property. */
async function readOrRefuse(fileName: string, bytes: Uint8Array): Promise<InventoryTable | MonitorError> {
  try {
    return await readInventoryTableFromBytes(fileName, bytes);
  } catch (error) {
    if (error instanceof MonitorError) {
      expect(error.message).toMatch(new RegExp(`^bestand ${fileName.replace(/\./g, '\\.')}[,:] `));
      expect(error.message).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f\u001b]/u);
      return error;
    }
    throw new Error(`not a MonitorError: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** Every row of a table through the schema: it must validate or give issues, never throw. */
function validateRows(table: InventoryTable): void {
  for (const row of table.rows) {
    const parsed = InventoryRecord.safeParse({ ...row.values, extra: row.extra });
    if (parsed.success) expectSoundRecord(parsed.data);
    else for (const issue of parsed.error.issues) expect(issue.message).not.toBe('');
  }
}

function expectSoundRecord(record: InventoryRecord): void {
  expect(record.name.length).toBeGreaterThan(0);
  expect(record.name.length).toBeLessThanOrEqual(500);
  for (const text of [record.name, record.organisation, record.address, record.place, record.municipality, record.note]) {
    if (text !== undefined) expect(unsafeTextReason(text)).toBeUndefined();
  }
  expect(LOCATION_STATUSES).toContain(record.status);
  if (record.size !== undefined) expect(SIZE_CLASSES).toContain(record.size);
  if (record.postcode !== undefined) expect(record.postcode).toMatch(/^[1-9]\d{3}( [A-Z]{2})?$/);
}

/** Text that looks like a CSV often enough to get past the first checks and into the rows. */
const HEADERS = ['naam,gemeente,postcode\n', 'naam;Bron;status\n', 'Naam\tgemeente\tgrootte\n', 'naam\n', ''];
const PIECES = ['naam', 'gemeente', 'Bron', ',', ';', '\t', '"', '""', '\n', '\r\n', ' ', 'é', 'Zeist', '3511 AB', 'klein', '=1+1', '-2', '€'];
const RARE_PIECES = ['\r', '\u001b', '\u0000', '\uFEFF', '\u202e', 'constructor'];
const csvLikeText = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 20 }, { arbitrary: fc.constantFrom(...RARE_PIECES), weight: 1 }), {
      maxLength: 60,
    }),
  )
  .map(([header, pieces]) => header + pieces.join(''));

/** UTF-8 text with the odd foreign byte spliced in (mixed encodings, truncated characters). */
const csvLikeBytes = fc
  .tuple(csvLikeText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 3 }))
  .map(([text, splices]) => {
    const bytes = [...utf8(text)];
    for (const [at, byte] of splices) bytes.splice(bytes.length === 0 ? 0 : at % bytes.length, 0, byte);
    return Uint8Array.from(bytes);
  });

describe('readInventoryTableFromBytes on arbitrary bytes', () => {
  it('CSV: any bytes give a table with validating rows, or a MonitorError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), csvLikeBytes, csvLikeText.map(utf8)), async (bytes) => {
        const outcome = await readOrRefuse('lijst.csv', bytes);
        if (!(outcome instanceof MonitorError)) validateRows(outcome);
      }),
      { numRuns: 400 },
    );
  });

  it('XLSX: any bytes give a MonitorError (or, by a miracle, a table)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const outcome = await readOrRefuse('lijst.xlsx', bytes);
        if (!(outcome instanceof MonitorError)) validateRows(outcome);
      }),
      { numRuns: 200 },
    );
  });

  it('XLSX: a real workbook damaged anywhere (bytes changed, cut short) gives a table or a MonitorError', async () => {
    const originals = [
      readFileSync(fileURLToPath(new URL('../../fixtures/inventory/locaties.xlsx', import.meta.url))),
      handWrittenXlsx(20),
    ];
    const damaged = fc
      .tuple(
        fc.constantFrom(...originals),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      )
      .map(([original, changes, cut]) => {
        const bytes = Uint8Array.from(original);
        for (const [where, byte] of changes) bytes[Math.floor(where * (bytes.length - 1))] = byte;
        return cut === null ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
      });
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        const outcome = await readOrRefuse('lijst.xlsx', bytes);
        if (!(outcome instanceof MonitorError)) validateRows(outcome);
      }),
      { numRuns: 150 },
    );
  });
});

describe('any table of strings', () => {
  /** Cell text: the characters CSV quoting has to get right, and any grapheme but control characters. */
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', ',', ';', '\t', '\n', '\r', 'é', '€', '‘', '\u00a0', '\uFEFF', '=', '-', '1'), maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(text)),
  );
  const HEADER = ['naam', 'plaats', 'opmerking', 'Bron'] as const;

  it('written as RFC 4180 CSV, reads back cell for cell (trimmed), numbered as a spreadsheet numbers them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 12 }), async (rows) => {
        const table = await readInventoryTableFromBytes('lijst.csv', utf8(csvText([HEADER, ...rows])));
        const expected = rows.flatMap((cells, index) => {
          const [name, place, note, source] = cells.map((text) => text.trim());
          if ([name, place, note, source].every((text) => text === '')) return [];
          const values = Object.fromEntries(
            [
              ['name', name],
              ['place', place],
              ['note', note],
            ].filter(([, text]) => text !== ''),
          );
          return [{ row: index + 2, values, extra: source === '' ? {} : { Bron: source } }];
        });
        expect(table.rows).toEqual(expected);
        validateRows(table);
      }),
      { numRuns: 200 },
    );
  });
});

describe('InventoryRecord.safeParse on arbitrary records', () => {
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), csvLikeText);
  /** Own names of Object.prototype: a lookup table must not find them. */
  const prototypeNames = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype));
  const record = fc.record(
    {
      ...Object.fromEntries(INVENTORY_FIELDS.map((field) => [field, fc.oneof(text, prototypeNames)])),
      extra: fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), prototypeNames), text, { maxKeys: 4 }),
    },
    { requiredKeys: [] },
  );

  it('validates or gives issues on known paths with Dutch messages; never throws', () => {
    fc.assert(
      fc.property(record, (input) => {
        const parsed = InventoryRecord.safeParse(input);
        if (parsed.success) {
          expectSoundRecord(parsed.data);
          return;
        }
        for (const issue of parsed.error.issues) {
          expect([...INVENTORY_FIELDS, 'extra']).toContain(issue.path[0]);
          expect(issue.message).not.toBe('');
          expect(issue.message).not.toMatch(/native code|\[object /);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * `InventoryRecord.safeParse` for a list's rows, field by field with each outcome remembered
 * (../row-check.ts): a list repeats most of its values (status, size, municipality, region, place,
 * counts), and checking whole row objects with zod was most of the import's own time at a million
 * rows. A field the row leaves out is settled as zod settles it in a record with only a name.
 *
 * The fields whose texts seldom repeat (name, organisation, address, postcode, website, note) and
 * the usual empty `extra` are settled by the exact checks below when the text is plain: the value
 * zod gives, without zod. Anything else (too long, a control character, a postcode not yet
 * written as "1234 AB") is left to zod, so every refusal and its message is zod's own.
 */
import { CONTROL_CHARACTER } from '../guard.ts';
import { rowCheck, UNDECIDED } from '../row-check.ts';
import { foldSpaces, InventoryRecord, MAX_NOTE_LENGTH, MAX_TEXT_LENGTH } from '../schema.ts';

/** The schema's text as it keeps it: runs of white space as one space, trimmed; within `max` and free of control characters, else undecided. */
function plainText(max: number, required: boolean): (value: unknown) => unknown {
  return (value) => {
    if (typeof value !== 'string') return UNDECIDED;
    const text = foldSpaces(value);
    if (text === '') return required ? UNDECIDED : undefined;
    return text.length <= max && !CONTROL_CHARACTER.test(text) ? text : UNDECIDED;
  };
}

/** A postcode already written as the schema writes it ("1234 AB" or "1234"), trimmed. */
function plainPostcode(value: unknown): unknown {
  if (typeof value !== 'string') return UNDECIDED;
  const text = value.trim();
  if (text === '') return undefined;
  return /^[1-9]\d{3}(?: [A-Z]{2})?$/.test(text) ? text : UNDECIDED;
}

/** An `extra` without keys: zod makes a new empty object of it. */
function emptyExtra(value: unknown): unknown {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Reflect.ownKeys(value).length === 0 ? {} : UNDECIDED;
}

const text = plainText(MAX_TEXT_LENGTH, false);

export const parseInventoryRecord = rowCheck(InventoryRecord, {
  absentAsIn: { name: 'naam' },
  exact: {
    name: plainText(MAX_TEXT_LENGTH, true),
    organisation: text,
    address: text,
    postcode: plainPostcode,
    website: text,
    note: plainText(MAX_NOTE_LENGTH, false),
    extra: emptyExtra,
  },
});

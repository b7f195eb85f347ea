/**
 * The record types of lsp-monitor, defined once. Every other module infers its types from these
 * schemas (z.infer), so a field is added or renamed here and nowhere else.
 *
 * Messages in the schemas are Dutch: they end up in the rejects report that people read.
 */
import { z } from 'zod';
import { codePointName, controlCharacterReason } from './guard.ts';
import { CLASSIFIED_SIZES, LOCATION_STATUSES, SIZE_CLASSES, SURVEY_ANSWERS, type SurveyAnswerValue } from './vocabulary.ts';

export { INVENTORY_FIELDS, LOCATION_STATUSES, SIZE_CLASSES, SURVEY_ANSWERS, TEN_CHARACTERISTICS } from './vocabulary.ts';
export type { InventoryField, SurveyAnswerValue } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

export const LocationStatus = z.enum(LOCATION_STATUSES);
export type LocationStatus = z.infer<typeof LocationStatus>;

export const SizeClass = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof SizeClass>;

/** A size class as classified: the three classes, or unknown when nothing says how big a location is. */
export const ClassifiedSize = z.enum(CLASSIFIED_SIZES);
export type ClassifiedSize = z.infer<typeof ClassifiedSize>;

const STATUS_SYNONYMS: Record<string, LocationStatus> = {
  actief: 'actief',
  active: 'actief',
  potentieel: 'potentieel',
  potential: 'potentieel',
  gesloten: 'gesloten',
  closed: 'gesloten',
  uitgesloten: 'uitgesloten',
  excluded: 'uitgesloten',
};

const SIZE_SYNONYMS: Record<string, SizeClass> = {
  klein: 'klein',
  small: 'klein',
  middel: 'middelgroot',
  middelgroot: 'middelgroot',
  gemiddeld: 'middelgroot',
  medium: 'middelgroot',
  average: 'middelgroot',
  groot: 'groot',
  large: 'groot',
};

/**
 * Words that say "no value": the tool itself writes size `onbekend` when nothing says how big a
 * location is, so its own export reads back as "no size given", not as an invalid size.
 */
const NO_SIZE_WORDS: ReadonlySet<string> = new Set(['onbekend', 'unknown']);

// ---------------------------------------------------------------------------------------------
// Cell-level preprocessing: every source delivers text (CSV) or loosely typed cells (XLSX).
// ---------------------------------------------------------------------------------------------

export const MAX_TEXT_LENGTH = 500;
/** An inventory record's note may be longer than its other texts. */
export const MAX_NOTE_LENGTH = 2000;

/** Runs of white space as one space, trimmed: how every text field keeps a text. */
export const foldSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A control character in a text field is refused with the guard's reason (sources/guard.ts), in every record schema. */
const refuseUnsafeText = (text: string | undefined, context: z.RefinementCtx) => {
  const reason = text === undefined ? undefined : controlCharacterReason(text);
  if (reason !== undefined) context.addIssue({ code: 'custom', message: reason });
};

/** Trimmed text; empty becomes undefined so that "no value" has one representation. Passes the guard. */
const optionalText = (max = MAX_TEXT_LENGTH) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined) return undefined;
      const text = foldSpaces(String(value));
      return text === '' ? undefined : text;
    },
    z.string().max(max, { error: `tekst is langer dan ${max} tekens` }).optional(),
  ).superRefine(refuseUnsafeText);

const lookupKey = (value: unknown) =>
  String(value)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * Input as a message quotes it: at most 40 characters, control characters written out, so a
 * 10,000-character cell or an escape sequence does not end up in the rejects as it is.
 */
const shownInput = (value: unknown) => {
  const text = String(value);
  const cut = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (char) => `[${codePointName(char)}]`);
};

/** A vocabulary field: accepts Dutch and English words, any case; the message lists what is allowed. */
const vocabulary = <T extends string>(synonyms: Record<string, T>, allowed: readonly T[], noValue: ReadonlySet<string> = new Set()) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined || String(value).trim() === '') return undefined;
      const key = lookupKey(value);
      if (noValue.has(key)) return undefined;
      // Own keys only: "constructor" must not find Object.prototype.constructor.
      return Object.hasOwn(synonyms, key) ? synonyms[key] : String(value).trim();
    },
    z
      .enum(allowed as [T, ...T[]], {
        error: (issue) => `'${shownInput(issue.input)}' is geen geldige waarde; toegestaan: ${allowed.join(', ')}`,
      })
      .optional(),
  );

/**
 * A count as lists write it: "40", "2,5" or "2.5", and the approximate forms "ca. 40", "circa 40",
 * "ongeveer 40", "± 40", "~40", "40+" and "40 per week". Undefined when the text is not a count.
 * An approximate count reads as its number; the import says so (see isPlainCount).
 */
export function readCount(text: string): number | undefined {
  const trimmed = text.trim();
  const plain = Number(trimmed.replace(',', '.'));
  if (trimmed !== '' && Number.isFinite(plain)) return plain;
  const match = /^(?:(?:ca\.?|circa|ongeveer|ong\.?|gemiddeld|gem\.?|±|~|\+\/-|\+-)\s*)?(\d+(?:[.,]\d+)?)\s*(?:\+|\bper\s+week|\bp\.?\s*w\.?|\bbezoekers|\bdagdelen)?$/iu.exec(trimmed);
  return match?.[1] === undefined ? undefined : Number(match[1].replace(',', '.'));
}

/** Whether a count is written as a bare number ("40", "2,5"), so that reading it needs no note. */
export function isPlainCount(value: unknown): boolean {
  return typeof value === 'number' || /^\s*\d+(?:[.,]\d+)?\s*$/.test(String(value));
}

/** A non-negative number written the Dutch or the English way ("2,5" or "2.5"), or approximately ("ca. 40"). */
const optionalCount = (label: string, max: number) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined) return undefined;
      if (typeof value === 'number') return value;
      const text = String(value).trim();
      if (text === '') return undefined;
      return readCount(text) ?? text;
    },
    z
      .number({ error: (issue) => `'${shownInput(issue.input)}' is geen getal (${label})` })
      .min(0, { error: `${label} mag niet negatief zijn` })
      .max(max, { error: `${label} is groter dan ${max}` })
      .optional(),
  );

/** Dutch postcode, "1234 AB" or only the four digits; normalised to "1234 AB" / "1234". */
export const Postcode = z.preprocess(
  (value) => {
    if (value === null || value === undefined) return undefined;
    const text = String(value).trim();
    if (text === '') return undefined;
    // "5038 AB", "5038AB" and "5038-AB" (a hyphen, as some spreadsheets write it).
    const match = /^(\d{4})\s*(?:-\s*)?([a-zA-Z]{2})?$/.exec(text);
    if (!match) return text;
    return match[2] ? `${match[1]} ${match[2].toUpperCase()}` : match[1];
  },
  z
    .string()
    .regex(/^[1-9]\d{3}( [A-Z]{2})?$/, { error: (issue) => `'${shownInput(issue.input)}' is geen Nederlandse postcode (verwacht: 1234 AB)` })
    .optional(),
);

export const GmCode = z.string().regex(/^GM\d{4}$/, { error: 'geen CBS-gemeentecode (verwacht: GM gevolgd door vier cijfers)' });

const optionalGmCode = z.preprocess((value) => {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim().toUpperCase();
  if (text === '') return undefined;
  return /^\d{1,4}$/.test(text) ? `GM${text.padStart(4, '0')}` : text;
}, GmCode.optional());

// ---------------------------------------------------------------------------------------------
// Inventory: one row of a list of steunpunten, as any source delivers it.
// ---------------------------------------------------------------------------------------------

/**
 * Why a text field cannot be taken as it is, or undefined: the guard's rule (sources/guard.ts), a
 * control character. Formula-looking text ("@ease Utrecht", "+Plus Inloop", even "=HYPERLINK(…)")
 * is data: stored verbatim and neutralised only where it is written (CSV and xlsx).
 */
export function unsafeTextReason(text: string): string | undefined {
  return controlCharacterReason(text);
}

/** Free text of an inventory: optionalText, which passes the guard. */
const inventoryText = (max = MAX_TEXT_LENGTH) => optionalText(max);

export const MAX_EXTRA_LENGTH = 2000;

/**
 * The keys an inventory record may carry in `extra`, and nothing else (no personal data by
 * construction): what adapters and stages set themselves, and the few columns of a file that are
 * recognised but have no field of their own (sources/inventory/header-synonyms.ts).
 */
export const EXTRA_KEYS = [
  /** `organisatie` for an entry that stands for a whole organisation (pipeline/dedupe/records.ts). */
  'niveau',
  /** Where a replayed snapshot record came from; the workbook file of a correction. */
  'herkomst',
  'bestand',
  /** The id, category and coordinates a web source gives an entry, and its organisation mailbox and landline. */
  'bronId',
  'categorie',
  'lat',
  'lng',
  'email',
  'telefoon',
  /** The monitor's location id given in the file (its own export): identity evidence. */
  'locatieId',
  /** Opening hours as written, for the dagdelen rule. */
  'openingstijden',
  /** What the import noticed about the row (a field left empty, an approximate count), '; '-separated. */
  'signalen',
] as const;
export type ExtraKey = (typeof EXTRA_KEYS)[number];

export const InventoryRecord = z.object({
  name: z
    .preprocess(
      (value) => (value === null || value === undefined ? '' : foldSpaces(String(value))),
      z
        .string()
        .min(1, { error: 'naam ontbreekt' })
        .max(MAX_TEXT_LENGTH, { error: `naam is langer dan ${MAX_TEXT_LENGTH} tekens` }),
    )
    .superRefine(refuseUnsafeText),
  organisation: inventoryText(),
  address: inventoryText(),
  postcode: Postcode,
  place: inventoryText(),
  municipality: inventoryText(),
  gmCode: optionalGmCode,
  izaRegion: inventoryText(),
  dagdelenPerWeek: optionalCount('dagdelen per week', 21),
  visitorsPerWeek: optionalCount('bezoekers per week', 100_000),
  size: vocabulary(SIZE_SYNONYMS, SIZE_CLASSES, NO_SIZE_WORDS),
  status: vocabulary(STATUS_SYNONYMS, LOCATION_STATUSES).transform((status) => status ?? 'actief'),
  website: inventoryText(),
  note: inventoryText(MAX_NOTE_LENGTH),
  /**
   * Internal facts beside the fields, under a fixed list of keys (EXTRA_KEYS). Columns the monitor
   * does not know are never stored here: they could hold personal data.
   */
  extra: z
    .partialRecord(z.enum(EXTRA_KEYS), z.string().max(MAX_EXTRA_LENGTH, { error: `tekst is langer dan ${MAX_EXTRA_LENGTH} tekens` }))
    .default({}),
});
export type InventoryRecord = z.infer<typeof InventoryRecord>;
export type InventoryInput = z.input<typeof InventoryRecord>;

// ---------------------------------------------------------------------------------------------
// Rejects: a row (or file) that could not be used, with a reason for people.
// ---------------------------------------------------------------------------------------------

export const Reject = z.object({
  source: z.string(),
  file: z.string(),
  /** 1-based row number as a spreadsheet shows it (the header is row 1); null for a whole-file problem. */
  row: z.number().int().positive().nullable(),
  field: z.string().nullable(),
  reason: z.string().min(1),
});
export type Reject = z.infer<typeof Reject>;

// ---------------------------------------------------------------------------------------------
// CBS reference data (bundled under sources/reference/, see its README for provenance).
// ---------------------------------------------------------------------------------------------

const integerFromText = z.coerce.number().int();
const numberFromText = z.coerce.number();

export const MunicipalityRow = z.object({ gm_code: GmCode, name: z.string().min(1), province: z.string().min(1) });
export type MunicipalityRow = z.infer<typeof MunicipalityRow>;

export const MunicipalityChangeRow = z.object({
  old_gm_code: GmCode,
  old_name: z.string().min(1),
  new_gm_code: GmCode,
  new_name: z.string().min(1),
  effective_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type MunicipalityChangeRow = z.infer<typeof MunicipalityChangeRow>;

export const PopulationRow = z.object({
  gm_code: GmCode,
  name: z.string().min(1),
  year: integerFromText,
  population: integerFromText.nonnegative(),
});
export type PopulationRow = z.infer<typeof PopulationRow>;

export const Pc4Row = z.object({
  pc4: z.string().regex(/^\d{4}$/),
  lat: numberFromText,
  lon: numberFromText,
  gm_code: GmCode,
  gm_name: z.string().min(1),
  gemeente_2014: z.string(),
  woonplaats: z.string().min(1),
});
export type Pc4Row = z.infer<typeof Pc4Row>;

export const CentroidRow = z.object({ gm_code: GmCode, name: z.string().min(1), lat: numberFromText, lon: numberFromText });
export type CentroidRow = z.infer<typeof CentroidRow>;

export const IzaRegionRow = z.object({
  gm_code: GmCode,
  name: z.string().min(1),
  iza_region: z.string().min(1),
  basis: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
});
export type IzaRegionRow = z.infer<typeof IzaRegionRow>;

/** EPA prevalence (share of inhabitants with an EPA, in percent) for a province or municipality. */
export const EpaShareRow = z.object({
  year: integerFromText,
  level: z.enum(['provincie', 'gemeente']),
  /** Province name, or GM code for a municipality. */
  area: z.string().min(1),
  epa_pct: numberFromText.min(0).max(100),
  source: z.string().min(1),
});
export type EpaShareRow = z.infer<typeof EpaShareRow>;

// ---------------------------------------------------------------------------------------------
// Source adapters (sources/adapters/): record types of the sources that are not inventories.
// ---------------------------------------------------------------------------------------------

const requiredText = (label: string, max = MAX_TEXT_LENGTH) =>
  z.preprocess(
    (value) => (value === null || value === undefined ? '' : foldSpaces(String(value))),
    z
      .string()
      .min(1, { error: `${label} ontbreekt` })
      .max(max, { error: `${label} is langer dan ${max} tekens` }),
  ).superRefine(refuseUnsafeText);

/** Like `vocabulary`, but a value is required. */
const requiredVocabulary = <T extends string>(synonyms: Record<string, T>, allowed: readonly T[], label: string) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined || String(value).trim() === '') return undefined;
      const key = lookupKey(value);
      return Object.hasOwn(synonyms, key) ? synonyms[key] : String(value).trim();
    },
    z.enum(allowed as [T, ...T[]], {
      error: (issue) =>
        issue.input === undefined
          ? `${label} ontbreekt`
          : `'${shownInput(issue.input)}' is geen geldige waarde; toegestaan: ${allowed.join(', ')}`,
    }),
  );

/** CBS StatLine yields two kinds of rows; `table` says which (population, or municipality → province). */
export const CbsStatlineRecord = z.discriminatedUnion('table', [
  PopulationRow.extend({ table: z.literal('bevolking') }),
  /** `year`: the year of the "Gebieden in Nederland <year>" table, i.e. the division on 1 January. */
  MunicipalityRow.extend({ table: z.literal('gebieden'), year: z.number().int() }),
]);
export type CbsStatlineRecord = z.infer<typeof CbsStatlineRecord>;

/**
 * EPA prevalence per municipality as Vektis publishes it. The name is kept as written (upper case,
 * a later municipal division than the data year): resolving it to a GM code is the pipeline's job.
 */
export const EpaMunicipalityRecord = z.object({
  year: z.preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => `'${shownInput(issue.input ?? '')}' is geen jaartal` })
      .int({ error: 'jaar is geen geheel getal' })
      .min(2000, { error: 'jaar ligt voor 2000' })
      .max(2100, { error: 'jaar ligt na 2100' }),
  ),
  municipalityName: requiredText('gemeentenaam'),
  epaPct: z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim().replace('%', '').replace(',', '.');
      const number = text === '' ? Number.NaN : Number(text);
      return Number.isFinite(number) ? number : value;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? 'percentage EPA ontbreekt' : `'${shownInput(issue.input)}' is geen getal (percentage EPA)`) })
      .min(0, { error: 'percentage EPA mag niet negatief zijn' })
      .max(100, { error: 'percentage EPA is groter dan 100' }),
  ),
});
export type EpaMunicipalityRecord = z.infer<typeof EpaMunicipalityRecord>;

export const CORRECTION_KINDS = ['gesloten', 'geen-steunpunt', 'nieuw', 'potentieel', 'grootte'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

const CORRECTION_KIND_SYNONYMS: Record<string, CorrectionKind> = {
  gesloten: 'gesloten',
  closed: 'gesloten',
  geensteunpunt: 'geen-steunpunt',
  nosteunpunt: 'geen-steunpunt',
  nieuw: 'nieuw',
  new: 'nieuw',
  potentieel: 'potentieel',
  potential: 'potentieel',
  grootte: 'grootte',
  omvang: 'grootte',
  size: 'grootte',
};

/** One correction a regiocoördinator (or NVZH, a ggz-coördinator) sends in for a steunpunt. */
export const RegionalCorrection = z
  .object({
    /** The monitor's location id, when the correction refers to a known location. */
    locationId: optionalText(100),
    name: requiredText('naam'),
    municipality: optionalText(),
    place: optionalText(),
    izaRegion: optionalText(),
    kind: requiredVocabulary(CORRECTION_KIND_SYNONYMS, CORRECTION_KINDS, 'soort correctie'),
    size: vocabulary(SIZE_SYNONYMS, SIZE_CLASSES),
    note: optionalText(2000),
  })
  .superRefine((correction, context) => {
    if (correction.kind === 'grootte' && correction.size === undefined) {
      context.addIssue({ code: 'custom', path: ['size'], message: "grootte ontbreekt; bij soort 'grootte' is een grootte verplicht" });
    }
  });
export type RegionalCorrection = z.infer<typeof RegionalCorrection>;

const SURVEY_ANSWER_SYNONYMS: Record<string, SurveyAnswerValue> = {
  ja: 'ja',
  inenigemate: 'in enige mate',
  nee: 'nee',
  weetikniet: 'weet ik niet',
};

/** One answer of a self-assessment (or regiocoördinator) survey: a steunpunt on one of the ten characteristics. */
export const SurveyAnswer = z.object({
  locationId: optionalText(100),
  name: requiredText('naam'),
  municipality: optionalText(),
  characteristic: z.number().int().min(1).max(10),
  answer: requiredVocabulary(SURVEY_ANSWER_SYNONYMS, SURVEY_ANSWERS, 'antwoord'),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

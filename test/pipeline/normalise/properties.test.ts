/**
 * Property tests (fast-check) for the text normalisers the matcher and the municipality
 * resolver rely on: what they output, and that applying them twice changes nothing.
 *
 * Regression cases the properties once found are kept as plain tests below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKeys, matchTokens } from '../../../pipeline/dedupe/match-key.ts';
import { alternativeArticleKey, normaliseKey } from '../../../pipeline/normalise/text-key.ts';
import { Postcode } from '../../../sources/schema.ts';

const RUNS = { numRuns: 300 };
const KEY = /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/;

/** Pieces of real Dutch names, written the ways inventories write them. */
const WORDS = [
  'St.', 'st', 'Sint', 'a/d', 'A.D.', 'a.d', 'aan', 'den', 'de', "'s-", '‘s', '’s', 'IJssel', 'ĳ', 'Ĳ', 'Café', 'Súdwest-Fryslân',
  'Cliënten', 'ED', 'plaats', 'plek', 'Stichting', 'GGZ', 'B.V.', 'locatie', 'Hoofdlocatie', 'Inloop', 'Herstel', 'Academie',
  '(Raadhuisstraat)', '2', 'İ', 'ß', 'Ǆ', 'ﬁ', '\u0301', '\u00a0', 'constructor', '__proto__', 'toString',
];
const SEPARATORS = [' ', '', '-', '/', '.', ',', '–', '_', '  ', '\t'];

const dutchishText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 8 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

/** Any text: full Unicode (lone surrogates too), grapheme clusters, and name-like soup. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), dutchishText);

describe('normaliseKey', () => {
  it('outputs only [a-z0-9] words separated by single spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normaliseKey(text)).toMatch(KEY);
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normaliseKey(text);
        expect(normaliseKey(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('gives the alternative article key as a normalised key too', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const alternative = alternativeArticleKey(normaliseKey(text));
        if (alternative !== undefined) expect(normaliseKey(alternative)).toBe(alternative);
      }),
      RUNS,
    );
  });

  it('reads "constructor" as a word like any other (no prototype lookup)', () => {
    expect(normaliseKey('Constructor')).toBe('constructor');
  });
});

describe('Postcode preprocessing', () => {
  const digits = fc.integer({ min: 1000, max: 9999 });
  const letters = fc.stringMatching(/^[A-Za-z]{2}$/);
  const spacing = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');

  it('is idempotent: a normalised postcode parses to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.tuple(digits, spacing, letters).map(([d, s, l]) => `${d}${s}${l}`)), (text) => {
        const once = Postcode.safeParse(text);
        if (!once.success || once.data === undefined) return;
        expect(Postcode.safeParse(once.data)).toEqual({ success: true, data: once.data });
        expect(once.data).toMatch(/^[1-9]\d{3}( [A-Z]{2})?$/);
      }),
      RUNS,
    );
  });

  it('reads every real shape, any case and spacing, and a bare number as an XLSX cell gives it', () => {
    fc.assert(
      fc.property(digits, fc.option(fc.tuple(spacing, letters)), spacing, (d, tail, outer) => {
        const text = `${outer}${d}${tail === null ? '' : `${tail[0]}${tail[1]}`}${outer}`;
        const expected = tail === null ? String(d) : `${d} ${tail[1].toUpperCase()}`;
        expect(Postcode.safeParse(text)).toEqual({ success: true, data: expected });
        if (tail === null) expect(Postcode.safeParse(d)).toEqual({ success: true, data: expected });
      }),
      RUNS,
    );
  });
});

describe('matchTokens and matchKeys', () => {
  const FILLER_AND_LEGAL = ['de', 'het', 'een', 'van', 'en', 'aan', 'den', 'locatie', 'stichting', 'ggz', 'bv'];

  it('give informative [a-z0-9] tokens only', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of matchTokens(text)) {
          expect(token).toMatch(/^[a-z0-9]+$/);
          expect(FILLER_AND_LEGAL).not.toContain(token);
        }
      }),
      RUNS,
    );
  });

  it('matchTokens is idempotent on its own output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = matchTokens(text);
        expect(matchTokens(once.join(' '))).toEqual(once);
      }),
      RUNS,
    );
  });

  it('matchKeys is idempotent on name and organisation tokens; its compact key is the full tokens joined', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (name, organisation) => {
        const once = matchKeys(name, organisation);
        const twice = matchKeys(once.nameTokens.join(' '), once.organisationKey);
        expect(twice.nameTokens).toEqual(once.nameTokens);
        expect(twice.organisationTokens).toEqual(once.organisationTokens);
        expect(twice.organisationKey).toBe(once.organisationKey);
        expect(once.compactKey).toBe(once.fullTokens.join(''));
        expect(once.compactKey).toMatch(/^[a-z0-9]*$/);
        for (const token of once.fullTokens) expect([...once.nameTokens, ...once.organisationTokens]).toContain(token);
      }),
      RUNS,
    );
  });

  it('reads "ED–plaats" (en dash) and "ED.plaats" as "EDplaats"', () => {
    expect(matchTokens('ED–plaats Utrecht')).toEqual(matchTokens('EDplaats Utrecht'));
    expect(matchTokens('ED.plaats Utrecht')).toEqual(matchTokens('EDplaats Utrecht'));
  });

  it('keeps matchTokens idempotent for "ED aan plek" (found by the property)', () => {
    expect(matchTokens(matchTokens('ED aan plek ').join(' '))).toEqual(matchTokens('ED aan plek '));
  });

  it('keeps matchTokens idempotent for "ED ﬁ plaatsSt." (found by the property)', () => {
    const once = matchTokens('ED ﬁ plaatsSt. ');
    expect(matchTokens(once.join(' '))).toEqual(once);
  });
});

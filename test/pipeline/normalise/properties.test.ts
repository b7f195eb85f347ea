/**
 * Property tests (fast-check) for the text normalisers the matcher and the municipality
 * resolver rely on: what they output, and that applying them twice changes nothing.
 *
 * Two known bugs in modules this suite does not own are pinned with `it.fails` (they flip red
 * when fixed: then turn them into plain `it` and drop the matching `fc.pre`):
 * - normaliseKey looks tokens up in a plain object, so "constructor" finds Object.prototype.
 * - matchTokens joins "ED plaats" only across spaces and hyphens, before normalising, so "ED.plaats"
 *   or "ED–plaats" (en dash) give ['ed', 'plaats'] and a second pass gives ['edplaats']; the same
 *   for any word starting with "plaats" or "plek" (found by this suite: "ED ﬁ plaatsSt.").
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

/** Inputs that reach the known prototype bug in normaliseKey are left to the it.fails below. */
const hitsPrototypeBug = (text: string) => /constructor/i.test(text.normalize('NFD').replace(/\p{M}/gu, ''));

/**
 * Outputs with the known ED-plaats bug — the token 'ed' followed by a token that starts with
 * 'plaats' or 'plek' (the pattern has no end boundary) — are left to the it.fails below.
 */
const hitsEdPlaatsBug = (tokens: readonly string[]) => tokens.some((token, index) => token === 'ed' && /^(plaats|plek)/.test(tokens[index + 1] ?? ''));

describe('normaliseKey', () => {
  it('outputs only [a-z0-9] words separated by single spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!hitsPrototypeBug(text));
        expect(normaliseKey(text)).toMatch(KEY);
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!hitsPrototypeBug(text));
        const once = normaliseKey(text);
        expect(normaliseKey(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('gives the alternative article key as a normalised key too', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!hitsPrototypeBug(text));
        const alternative = alternativeArticleKey(normaliseKey(text));
        if (alternative !== undefined) expect(normaliseKey(alternative)).toBe(alternative);
      }),
      RUNS,
    );
  });

  it.fails('KNOWN BUG (pipeline/normalise/text-key.ts): "constructor" is a word like any other', () => {
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
        fc.pre(!hitsPrototypeBug(text));
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
        fc.pre(!hitsPrototypeBug(text));
        const once = matchTokens(text);
        fc.pre(!hitsEdPlaatsBug(once));
        expect(matchTokens(once.join(' '))).toEqual(once);
      }),
      RUNS,
    );
  });

  it('matchKeys is idempotent on name and organisation tokens; its compact key is the full tokens joined', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (name, organisation) => {
        fc.pre(!hitsPrototypeBug(name) && !hitsPrototypeBug(organisation ?? ''));
        const once = matchKeys(name, organisation);
        fc.pre(!hitsEdPlaatsBug(once.nameTokens) && !hitsEdPlaatsBug(once.organisationTokens));
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

  it.fails('KNOWN BUG (pipeline/dedupe/match-key.ts): "ED–plaats" (en dash) and "ED.plaats" read as "EDplaats"', () => {
    expect(matchTokens('ED–plaats Utrecht')).toEqual(matchTokens('EDplaats Utrecht'));
    expect(matchTokens('ED.plaats Utrecht')).toEqual(matchTokens('EDplaats Utrecht'));
  });

  it.fails('KNOWN BUG (pipeline/dedupe/match-key.ts): matchTokens is idempotent for "ED ﬁ plaatsSt." (found by the property)', () => {
    const once = matchTokens('ED ﬁ plaatsSt. ');
    expect(matchTokens(once.join(' '))).toEqual(once);
  });
});

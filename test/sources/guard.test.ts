import { describe, expect, it } from 'vitest';
import { controlCharacterReason, guardRow, guardText, looksLikeFormula, MAX_ROW_CHARS } from '../../sources/guard.ts';
import { EpaMunicipalityRecord, InventoryRecord, RegionalCorrection, SurveyAnswer } from '../../sources/schema.ts';

const options = { field: 'naam', maxLength: 500 };

describe('guardText', () => {
  it.each(['@ease Utrecht', '+Plus Inloop', '-Herstelcafé-', '=HYPERLINK("http://x","klik")', '@SUM(1+1)', '\tInloop', "'; DROP TABLE location; --"])(
    'accepts formula-looking and SQL text verbatim: %j',
    (text) => {
      expect(guardText(text, options)).toEqual({ ok: true, text });
    },
  );

  it('passes no value through as undefined', () => {
    expect(guardText(undefined, options)).toEqual({ ok: true, text: undefined });
    expect(guardText(null, options)).toEqual({ ok: true, text: undefined });
  });

  it.each([
    ['Inloop \u001b[31mRood', 'U+001B'],
    ['Inloop \u202eZeist', 'U+202E'],
    ['Inloop \u2066Zeist', 'U+2066'],
    ['Inloop\u0000', 'U+0000'],
    ['Inloop\u007f', 'U+007F'],
    ['Inloop\u0085', 'U+0085'],
  ])('refuses a control character with its code point: %j', (text, code) => {
    expect(guardText(text, options)).toEqual({ ok: false, reason: `bevat een onzichtbaar stuurteken (${code})` });
  });

  it('lets tab and line breaks through (whitespace, not control)', () => {
    expect(guardText('Inloop\tA\nB\r\nC', options).ok).toBe(true);
  });

  it('refuses text over its bound with the bound in the reason, and accepts text at the bound', () => {
    expect(guardText('a'.repeat(500), options)).toEqual({ ok: true, text: 'a'.repeat(500) });
    expect(guardText('a'.repeat(501), options)).toEqual({ ok: false, reason: 'tekst is langer dan 500 tekens' });
  });
});

describe('guardRow', () => {
  it('refuses a 20,000-character row with a reason, as array or record', () => {
    const row = ['Inloop Utrecht', 'Utrecht', 'x'.repeat(19_979)];
    expect(row.join('').length).toBe(20_000);
    expect(guardRow(row)).toBe(`rij is 20.000 tekens lang; de grens is ${MAX_ROW_CHARS.toLocaleString('nl-NL')} per rij`);
    expect(guardRow({ naam: row[0], gemeente: row[1], opmerking: row[2] })).toBe(guardRow(row));
  });

  it('accepts a row at the bound and rows with empty cells', () => {
    expect(guardRow(['a'.repeat(MAX_ROW_CHARS)])).toBeUndefined();
    expect(guardRow(['Inloop', undefined, null, ''])).toBeUndefined();
    expect(guardRow(['ab', 'c'], { maxChars: 2 })).toBe('rij is 3 tekens lang; de grens is 2 per rij');
  });
});

describe('helpers', () => {
  it('looksLikeFormula marks every OWASP start and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(looksLikeFormula(`${start}x`)).toBe(true);
    for (const text of ['Inloop', "'=x", ' =x', '', '€1']) expect(looksLikeFormula(text)).toBe(false);
  });

  it('controlCharacterReason is undefined for ordinary Dutch text', () => {
    expect(controlCharacterReason('Herstelcafé ’t Hofje – Zeist')).toBeUndefined();
  });
});

describe('the record schemas pass text through the guard', () => {
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

  it('accept formula-looking text as data in every intake schema', () => {
    expect(InventoryRecord.parse({ name: '@ease Utrecht', note: '=1+1' })).toMatchObject({ name: '@ease Utrecht', note: '=1+1' });
    expect(RegionalCorrection.parse({ name: '+Plus Inloop', kind: 'nieuw', note: '-Herstelcafé-' })).toMatchObject({ name: '+Plus Inloop', note: '-Herstelcafé-' });
    expect(SurveyAnswer.parse({ name: '=HYPERLINK("http://x","klik")', characteristic: 1, answer: 'ja' }).name).toBe('=HYPERLINK("http://x","klik")');
    expect(EpaMunicipalityRecord.parse({ year: '2019', municipalityName: '@SUM(1+1)', epaPct: '1,2' }).municipalityName).toBe('@SUM(1+1)');
  });

  it('refuse a control character in every text field with the guard’s reason', () => {
    const reason = 'bevat een onzichtbaar stuurteken (U+001B)';
    expect(messages(InventoryRecord.safeParse({ name: 'Inloop', organisation: 'Stichting \u001b' }))).toEqual([reason]);
    expect(messages(RegionalCorrection.safeParse({ name: 'Inloop \u001b', kind: 'nieuw' }))).toEqual([reason]);
    expect(messages(RegionalCorrection.safeParse({ name: 'Inloop', kind: 'nieuw', note: 'a\u001b', locationId: 'LSP-1\u001b' }))).toEqual([reason, reason]);
    expect(messages(SurveyAnswer.safeParse({ name: 'Inloop', municipality: 'Zeist\u001b', characteristic: 1, answer: 'ja' }))).toEqual([reason]);
    expect(messages(EpaMunicipalityRecord.safeParse({ year: 2019, municipalityName: 'ZEIST\u001b', epaPct: 1 }))).toEqual([reason]);
  });

  it('never echo a control character in a message about another problem', () => {
    const all = [
      ...messages(EpaMunicipalityRecord.safeParse({ year: '20\u001b19', municipalityName: 'ZEIST', epaPct: '1\u001b[2J' })),
      ...messages(RegionalCorrection.safeParse({ name: 'Inloop', kind: 'gesloten\u001b[2J' })),
      ...messages(SurveyAnswer.safeParse({ name: 'Inloop', characteristic: 1, answer: 'misschien\u202e' })),
    ];
    expect(all).toHaveLength(4);
    for (const message of all) expect(message).not.toMatch(/[\u001b\u202e]/u);
    expect(all).toContain("'1[U+001B][2J' is geen getal (percentage EPA)");
  });
});

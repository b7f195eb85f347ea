import { describe, expect, it } from 'vitest';
import { controlCharacterReason, guardRow, guardText, looksLikeFormula, MAX_ROW_CHARS } from '../../sources/guard.ts';

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

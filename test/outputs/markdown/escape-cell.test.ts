/**
 * escapeCell returns a text with nothing to escape as it is, and escapes every character it handles
 * as the four replacements do (the test fails when the quick check misses one of them).
 */
import { describe, expect, it } from 'vitest';
import { escapeCell } from '../../../outputs/markdown/blocks.ts';

const replaced = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');

describe('escapeCell', () => {
  it('leaves plain names as they are', () => {
    for (const text of ['Herstelcafé Lindenhof', "Huiskamer 't Anker (Kwintes), Sneek", '', 'ĳs € 1/3 "x" & co.']) expect(escapeCell(text)).toBe(text);
  });

  it('escapes each special character, alone and among others', () => {
    for (const special of ['\\', '|', '\r', '\n', '\r\n', '*', '_', '`', '[', ']', '<', '>']) {
      for (const text of [special, `a${special}b`, `${special}${special} x`]) expect(escapeCell(text)).toBe(replaced(text));
      expect(escapeCell(`a${special}b`)).not.toBe(`a${special}b`);
    }
  });
});

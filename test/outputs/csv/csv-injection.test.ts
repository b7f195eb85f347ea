/**
 * CSV injection (OWASP): text that a spreadsheet would run is written with a leading single quote
 * and quoted; the original comes back by removing that one quote (reports/README.md). Numbers stay
 * numbers, so a negative shortfall is not touched.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, type CellValue } from '../../../outputs/csv/csv.ts';
import { restoreText } from '../../../sources/safe-text.ts';

const columns = [{ header: 'naam', value: (row: { value: CellValue }) => row.value, decimals: 2 }];
const line = (value: CellValue) => toCsv(columns, [{ value }]).split('\n')[1];

describe('toCsv neutralises formula-looking text', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['+Plus Inloop', `"'+Plus Inloop"`],
    ['@ease Utrecht', `"'@ease Utrecht"`],
    ['-Herstelcafé-', `"'-Herstelcafé-"`],
    ['\tInloop', `"'\tInloop"`],
    ['\rInloop', `"'\rInloop"`],
    ["'=al geneutraliseerd", `"''=al geneutraliseerd"`],
  ])('%j is written as %s', (text, written) => {
    expect(line(text)).toBe(written);
  });

  it('leaves ordinary text, SQL text and numbers as they were', () => {
    expect(line('Inloop Utrecht')).toBe('Inloop Utrecht');
    expect(line("'; DROP TABLE location; --")).toBe("'; DROP TABLE location; --");
    expect(line("O'Brien, Zeist")).toBe(`"O'Brien, Zeist"`);
    expect(line(-3.234)).toBe('-3.23');
    expect(line(-0.001)).toBe('0.00');
  });

  it('a researcher gets every original back: parse the CSV, remove the one leading quote', () => {
    const texts = ['=1+1', '+Plus Inloop', '@ease Utrecht', '-Herstelcafé-', "'=x", "''+y", "'gewoon", 'Inloop "De Haven"', '\tTab', '\rCR'];
    const csv = toCsv(columns, texts.map((value) => ({ value })));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map((row) => row['naam']!);
    expect(parsed.map(restoreText)).toEqual(texts);
    for (const cell of parsed) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

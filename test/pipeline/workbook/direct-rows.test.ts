import { describe, expect, it } from 'vitest';
import { withDirectRows, type DirectRows } from '../../../pipeline/workbook/write/direct-rows.ts';

const SHEET =
  '<worksheet><dimension ref="A1:C1"/><cols><col min="1" max="1" width="16" customWidth="1"/>' +
  '<col min="2" max="3" width="10" style="4" customWidth="1"/></cols>' +
  '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';

const rendered = (rows: DirectRows) => new TextDecoder().decode(withDirectRows(SHEET, rows));

describe('withDirectRows', () => {
  it("adds the rows after the sheet's own, each cell in its column's style, and widens the dimension", () => {
    const xml = rendered({
      worksheetId: 2,
      firstRow: 2,
      lastRow: 3,
      cells: (row) => (row === 2 ? ['LSP-1', 12.5, { formula: 'B2*2', result: 25 }] : [null, null, { formula: 'B3*2', result: '' }]),
    });
    expect(xml).toBe(
      '<worksheet><dimension ref="A1:C3"/><cols><col min="1" max="1" width="16" customWidth="1"/>' +
        '<col min="2" max="3" width="10" style="4" customWidth="1"/></cols>' +
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">LSP-1</t></is></c><c r="B2" s="4"><v>12.5</v></c>' +
        '<c r="C2" s="4"><f>B2*2</f><v>25</v></c></row>' +
        '<row r="3"><c r="C3" s="4" t="str"><f>B3*2</f><v></v></c></row></sheetData></worksheet>',
    );
  });

  it('escapes markup and drops the control characters XML does not allow', () => {
    const xml = rendered({ worksheetId: 2, firstRow: 2, lastRow: 2, cells: () => [" <b>O'Brien & co\u0001 "] });
    expect(xml).toContain('<t xml:space="preserve"> &lt;b&gt;O\'Brien &amp; co </t>');
  });

  it("puts the rows before the sheet's own rows below them (a total row) and keeps a dimension that already reaches further", () => {
    const withTotal =
      '<worksheet><dimension ref="A1:D5"/><cols><col min="2" max="2" width="10" style="3" customWidth="1"/></cols>' +
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="5"><c r="A5" t="s"><v>1</v></c></row></sheetData></worksheet>';
    const xml = new TextDecoder().decode(withDirectRows(withTotal, { worksheetId: 3, firstRow: 2, lastRow: 3, cells: (row) => [`gebied ${row}`, row] }));
    expect(xml).toBe(
      '<worksheet><dimension ref="A1:D5"/><cols><col min="2" max="2" width="10" style="3" customWidth="1"/></cols>' +
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">gebied 2</t></is></c><c r="B2" s="3"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">gebied 3</t></is></c><c r="B3" s="3"><v>3</v></c></row>' +
        '<row r="5"><c r="A5" t="s"><v>1</v></c></row></sheetData></worksheet>',
    );
  });
});

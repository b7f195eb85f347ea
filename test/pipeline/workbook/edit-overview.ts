/** Editing a written overview with exceljs, cell by cell, as a person would in a spreadsheet. */
import ExcelJS from 'exceljs';
import { LOCATION_COLUMNS, REVIEW_HEADERS, SHEETS } from '../../../pipeline/workbook/layout.ts';

export type CellInput = ExcelJS.CellValue;

export class OverviewEditor {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(bytes: Uint8Array): Promise<OverviewEditor> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    return new OverviewEditor(workbook);
  }

  get locations(): ExcelJS.Worksheet {
    return this.sheet(SHEETS.locations);
  }

  sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** The Locaties row of a location id. */
  rowOf(id: string): number {
    let found: number | undefined;
    this.locations.eachRow((row, number) => {
      if (row.getCell(1).value === id) found = number;
    });
    if (found === undefined) throw new Error(`no row with id ${id}`);
    return found;
  }

  setLocation(row: number, header: string, value: CellInput): void {
    const column = LOCATION_COLUMNS.findIndex((entry) => entry.header === header) + 1;
    if (column === 0) throw new Error(`no Locaties column ${header}`);
    this.locations.getCell(row, column).value = value;
  }

  setDecision(row: number, value: CellInput): void {
    const sheet = this.sheet(SHEETS.review);
    let column = 0;
    sheet.getRow(1).eachCell((cell, number) => {
      if (cell.value === REVIEW_HEADERS.decision) column = number;
    });
    sheet.getCell(row, column).value = value;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}

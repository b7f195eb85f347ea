// exceljs types its package entry only; its Workbook module (loaded by exceljs-workbook.ts) exports that class.
declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs';

  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}

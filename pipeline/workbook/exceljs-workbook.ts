/**
 * exceljs's Workbook class, loaded when a workbook is written or read, not with a command's code
 * (test/pipeline/workbook/lazy-exceljs.test.ts). Its own module rather than the package's entry:
 * the entry also loads the streaming reader and writer (unzipper, archiver, saxes) that the
 * monitor never uses, about half of exceljs's load time. The type is the package's own
 * (exceljs-modules.d.ts).
 */
import type ExcelJS from 'exceljs';

export async function loadWorkbookClass(): Promise<typeof ExcelJS.Workbook> {
  return (await import('exceljs/lib/doc/workbook.js')).default;
}

/**
 * exceljs writes the sheet name of a print area or print titles between quotes without doubling a
 * quote inside it ('IZA-regio's'!$1:$1): Excel and LibreOffice cannot read that reference, and
 * the sheet prints without its header row on every page. This doubles the quote in workbook.xml.
 */
export function withQuotedSheetNames(workbookXml: string, sheetNames: readonly string[]): string {
  let xml = workbookXml;
  for (const name of sheetNames.filter((entry) => entry.includes("'"))) {
    const written = xmlText(`'${name}'!`);
    const quoted = xmlText(`'${name.replace(/'/g, "''")}'!`);
    xml = xml.split(`>${written}`).join(`>${quoted}`);
  }
  return xml;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

function xmlText(text: string): string {
  return text.replace(/[&<>'"]/g, (character) => ESCAPES[character] ?? character);
}

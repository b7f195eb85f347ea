/**
 * Chromium stamps the moment of printing into the PDF's document information (CreationDate,
 * ModDate); everything else it writes is the same for the same page. Blanking those two entries
 * with spaces (same length, so every offset in the file stays right) makes the same report give
 * the same bytes, as the other files of a report do.
 */
const INFO_HEAD = 2048;
const PRINT_DATE = /\/(CreationDate|ModDate) \(D:[0-9+\-Z']*\)/g;

export function withoutPrintDate(pdf: Uint8Array): Uint8Array {
  const head = Buffer.from(pdf.subarray(0, INFO_HEAD)).toString('latin1');
  const blanked = head.replace(PRINT_DATE, (entry) => ' '.repeat(entry.length));
  const out = Uint8Array.from(pdf);
  out.set(Buffer.from(blanked, 'latin1'));
  return out;
}

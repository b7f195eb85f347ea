/**
 * The limits an inventory file must stay within. They bound memory and time for any file a
 * person (or an attacker) can hand to `lsp-monitor import`; a real list of steunpunten is a few
 * hundred rows and far below every one of them.
 */

const MEBIBYTE = 1024 * 1024;

/** File size; the pipeline passes its configured `maxInputBytes` instead. */
export const DEFAULT_MAX_BYTES = 50 * MEBIBYTE;

/**
 * XLSX: everything inside the zip together (the pipeline passes its configured `maxUnpackedBytes`), as its central directory declares it. exceljs holds
 * the whole workbook in memory, roughly ten times the XML (90 MiB of sheet XML took 0,8 GB and
 * half a minute), so this stays well below what a Node process can hold; a real inventory's XML
 * is a few hundred KiB.
 */
export const DEFAULT_MAX_UNPACKED_BYTES = 50 * MEBIBYTE;

/**
 * XLSX: an entry may inflate to at most this many times its compressed size (Apache POI's
 * ZipSecureFile uses the same 1:100). Only checked for entries above MIN_RATIO_CHECKED_BYTES:
 * tiny XML parts can compress very well without being a danger.
 */
export const MAX_COMPRESSION_RATIO = 100;
export const MIN_RATIO_CHECKED_BYTES = MEBIBYTE;

/** Data rows below the header; the pipeline passes its configured `maxInputRows` instead. */
export const DEFAULT_MAX_DATA_ROWS = 100_000;

/** Cells in one row (header included). */
export const MAX_COLUMNS = 1_000;

/** Characters in one cell: Excel's own maximum, so no spreadsheet a person made goes beyond it. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Recognises bytes that are not text at all, so that a binary file named .csv is refused with a
 * reason instead of being read as one column of garbage.
 */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
/**
 * More control characters than this share, and at least MIN_CONTROLS of them, is not text. Tab,
 * line breaks, vertical tab and form feed are not counted (FileMaker writes \v for a line break in a cell);
 * a stray control character in a text file is left to the row checks of the schema.
 */
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROLS = 4;

/** A Dutch description of why these bytes are not a CSV file, or undefined when they may be. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    return 'dit is geen tekstbestand maar een zip-bestand (misschien een xlsx-bestand met de verkeerde extensie; noem het dan .xlsx)';
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return 'dit is geen tekstbestand maar een ouder Excel-bestand (.xls) of een bestand met een wachtwoord; sla het op als CSV UTF-8 of als .xlsx';
  }
  let controls = 0;
  // An indexed loop: the array iterator costs several times as much on a file of many megabytes.
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte === 0) return 'dit is geen tekstbestand: het bevat nul-bytes (binaire gegevens, of UTF-16 zonder BOM); sla het op als CSV UTF-8 of als .xlsx';
    if (isControl(byte)) controls += 1;
  }
  if (controls >= MIN_CONTROLS && controls > bytes.length * MAX_CONTROL_SHARE) {
    return 'dit is geen tekstbestand: het bevat te veel stuurtekens (binaire gegevens); sla het op als CSV UTF-8 of als .xlsx';
  }
  return undefined;
}

function isControl(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) || byte === 0x7f;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

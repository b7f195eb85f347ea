import { MonitorError } from '../errors.ts';
import { binaryReason } from './binary-content.ts';
import type { CsvEncoding } from './table.ts';
import { scanUtf8 } from './utf8-scan.ts';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /**
   * Set when the file is UTF-8 with some bytes in another encoding: the offset in `text` (then
   * read as Windows-1252, one character per byte) of the first byte that is not UTF-8.
   */
  mixedAt?: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node 20's TextDecoder('windows-1252')
 * decodes those bytes as Latin-1 control characters (so 0x91 does not become ‘), hence this table.
 * The five bytes 1252 leaves undefined map to themselves, as the WHATWG encoding standard says.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * CSV bytes as text: UTF-8 when the bytes are valid UTF-8 (BOM stripped), otherwise Windows-1252.
 * A file that is both — a BOM or well-formed UTF-8 characters, and bytes that are not UTF-8 — is
 * marked `mixedAt`: reading it either way would garble part of it, so the caller refuses it.
 */
export function decodeCsvBytes(file: string, bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new MonitorError('bestand is opgeslagen als UTF-16; sla het op als CSV (UTF-8) of als XLSX', { location: { file } });
  }
  const binary = binaryReason(bytes);
  if (binary !== undefined) throw new MonitorError(binary, { location: { file } });
  const hasBom = startsWith(bytes, UTF8_BOM);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM keeps a second BOM as text; the first one has been stripped above.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const text = decodeWindows1252(body);
    const { multibyteCharacters, firstInvalid } = scanUtf8(body);
    if (firstInvalid !== undefined && (hasBom || multibyteCharacters > 0)) return { text, encoding: 'utf-8', mixedAt: firstInvalid };
    return { text, encoding: 'windows-1252' };
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH.charAt(char.charCodeAt(0) - 0x80));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * An xlsx is a zip. exceljs compresses with a JavaScript deflate that took a third of the
 * overview's time at 100k locations, and stamps every entry with the time of writing. So the
 * workbook is written uncompressed and packed again here: each entry deflated by Node's zlib and
 * stamped with one fixed time, so the same workbook gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../../../sources/inventory/zip-directory.ts';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const DEFLATED = 8;
const VERSION = 20;
const UTF8_NAMES = 0x0800;

interface StoredEntry {
  name: string;
  crc32: number;
  data: Uint8Array;
}

/** Text entries to rewrite on the way, by entry name (e.g. xl/worksheets/sheet2.xml), into new UTF-8 bytes. */
export type EntryRewrites = Readonly<Record<string, (text: string) => Uint8Array>>;

/** Entries whose bytes are replaced whole, by entry name (e.g. xl/media/image1.png). */
export type EntryReplacements = Readonly<Record<string, Uint8Array>>;

/**
 * Repacks a zip whose entries are stored (not compressed), deflating each entry, with `date` as
 * every entry's time, rewriting the entries named in `rewrites` and replacing those in `replacements`.
 */
export function repackZip(zip: Uint8Array, date: Date, rewrites: EntryRewrites = {}, replacements: EntryReplacements = {}): Uint8Array {
  const entries = storedEntries(zip).map((entry) => {
    const replacement = replacements[entry.name];
    if (replacement !== undefined) return { ...entry, data: replacement, crc32: crc32(replacement) };
    const rewrite = rewrites[entry.name];
    if (rewrite === undefined) return entry;
    const data = rewrite(new TextDecoder().decode(entry.data));
    return { ...entry, data, crc32: crc32(data) };
  });
  const missing = Object.keys(replacements).filter((name) => !entries.some((entry) => entry.name === name));
  if (missing.length > 0) throw new Error(`xlsx: no entry ${missing.join(', ')} to replace`);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const compressed = deflateRawSync(entry.data, { level: 6 });
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL_FILE_HEADER, true);
    local.setUint16(4, VERSION, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, DEFLATED, true);
    local.setUint16(10, time, true);
    local.setUint16(12, day, true);
    local.setUint32(14, entry.crc32, true);
    local.setUint32(18, compressed.length, true);
    local.setUint32(22, entry.data.length, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, compressed);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, CENTRAL_DIRECTORY_HEADER, true);
    header.setUint16(4, VERSION, true);
    header.setUint16(6, VERSION, true);
    header.setUint16(8, UTF8_NAMES, true);
    header.setUint16(10, DEFLATED, true);
    header.setUint16(12, time, true);
    header.setUint16(14, day, true);
    header.setUint32(16, entry.crc32, true);
    header.setUint32(20, compressed.length, true);
    header.setUint32(24, entry.data.length, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...central, new Uint8Array(end.buffer)]);
}

function storedEntries(zip: Uint8Array): StoredEntry[] {
  const directory = readZipDirectory(zip);
  if (!directory.ok) throw new Error(`xlsx: cannot read the zip exceljs wrote (${directory.problem.kind})`);
  return directory.entries.map((entry) => {
    if (entry.method !== 0) throw new Error('xlsx: expected stored zip entries to repack');
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    return { name: entry.name, crc32: crc32(data), data };
  });
}

/**
 * An xlsx is a zip. exceljs compresses with a JavaScript deflate that took a third of the
 * overview's time at 100k locations, and stamps every entry with the time of writing. So the
 * workbook is written uncompressed and packed again here: each entry deflated by Node's zlib and
 * stamped with one fixed time, so the same workbook gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const VERSION = 20;
const UTF8_NAMES = 0x0800;

interface StoredEntry {
  name: Uint8Array;
  crc32: number;
  data: Uint8Array;
}

/** Text entries to rewrite on the way, by entry name (e.g. xl/worksheets/sheet2.xml), into new UTF-8 bytes. */
export type EntryRewrites = Readonly<Record<string, (text: string) => Uint8Array>>;

/**
 * Repacks a zip whose entries are stored (not compressed), deflating each entry, with `date` as
 * every entry's time, and rewriting the entries named in `rewrites`.
 */
export function repackZip(zip: Uint8Array, date: Date, rewrites: EntryRewrites = {}): Uint8Array {
  const entries = storedEntries(zip).map((entry) => {
    const rewrite = rewrites[new TextDecoder().decode(entry.name)];
    if (rewrite === undefined) return entry;
    const data = rewrite(new TextDecoder().decode(entry.data));
    return { ...entry, data, crc32: crc32(data) };
  });
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
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
    local.setUint16(26, entry.name.length, true);
    parts.push(new Uint8Array(local.buffer), entry.name, compressed);

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
    header.setUint16(28, entry.name.length, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), entry.name);
    offset += 30 + entry.name.length + compressed.length;
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
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const entries: StoredEntry[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let entry = view.getUint16(end + 10, true); entry > 0; entry -= 1) {
    if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) throw new Error('xlsx: corrupt zip central directory');
    if (view.getUint16(offset + 10, true) !== STORED) throw new Error('xlsx: expected stored zip entries to repack');
    const nameLength = view.getUint16(offset + 28, true);
    const size = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error('xlsx: corrupt zip local header');
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name: zip.subarray(offset + 46, offset + 46 + nameLength),
      crc32: view.getUint32(offset + 16, true),
      data: zip.subarray(dataStart, dataStart + size),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - MAX_COMMENT; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('xlsx: no zip end of central directory');
}

/**
 * An xlsx is a zip, and the zip library stamps every entry with the time of writing. Setting all
 * stamps to one fixed time makes the same workbook give the same bytes, so a committed
 * overzicht.xlsx only changes when its content does.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function withFixedZipTime(zip: Uint8Array, date: Date): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();

  let offset = view.getUint32(end + 16, true);
  for (let entry = view.getUint16(end + 10, true); entry > 0; entry -= 1) {
    if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) throw new Error('xlsx: corrupt zip central directory');
    view.setUint16(offset + 12, time, true);
    view.setUint16(offset + 14, day, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error('xlsx: corrupt zip local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return bytes;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - MAX_COMMENT; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('xlsx: no zip end of central directory');
}

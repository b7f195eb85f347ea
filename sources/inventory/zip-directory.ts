/**
 * Reads the central directory of a zip file (an XLSX is one) without inflating anything, so
 * that the sizes it declares can be checked before exceljs (through jszip) unpacks the file.
 * Only what Excel writes is supported: one disk, no ZIP64, no encryption, stored or deflated,
 * and the central directory exactly where the end record says. Anything else is refused rather
 * than guessed at, so this reader and jszip (3.10: last end-record signature in the file, headers
 * read while their signature matches, offsets shifted when bytes are prepended) can never
 * disagree about which entries a file holds.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

/** Why a file cannot be read as a zip; the caller words it for people. */
export type ZipProblem =
  | { kind: 'not-a-zip' }
  | { kind: 'damaged'; detail: string }
  | { kind: 'unsupported'; detail: string };

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_RECORD_SIZE = 22;

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end === undefined) return fail({ kind: 'not-a-zip' });
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) return fail(unsupported('ZIP64'));
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) return fail(unsupported('een zip-bestand over meerdere delen'));
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return fail(unsupported('ZIP64'));
  // jszip shifts every offset when the directory does not end right at the end record; refuse that.
  if (directoryOffset + directorySize !== end) return fail(damaged('de inhoudsopgave staat niet waar het bestand zegt'));

  const entries: ZipEntry[] = [];
  let position = directoryOffset;
  // Read while the signature matches, as jszip does, and then insist on the declared count.
  while (position + 46 <= end && view.getUint32(position, true) === CENTRAL_FILE_HEADER) {
    const parsed = readCentralHeader(bytes, view, position, directoryOffset);
    if ('kind' in parsed) return fail(parsed);
    entries.push(parsed.entry);
    position = parsed.next;
  }
  if (entries.length !== entryCount) {
    return fail(damaged(`de inhoudsopgave noemt ${entryCount} onderdelen maar bevat er ${entries.length}`));
  }
  if (position !== end) return fail(damaged('de inhoudsopgave bevat meer dan haar onderdelen'));
  return { ok: true, entries };
}

function readCentralHeader(
  bytes: Uint8Array,
  view: DataView,
  position: number,
  directoryOffset: number,
): { entry: ZipEntry; next: number } | ZipProblem {
  const flags = view.getUint16(position + 8, true);
  const method = view.getUint16(position + 10, true);
  const compressedSize = view.getUint32(position + 20, true);
  const uncompressedSize = view.getUint32(position + 24, true);
  const nameLength = view.getUint16(position + 28, true);
  const extraLength = view.getUint16(position + 30, true);
  const commentLength = view.getUint16(position + 32, true);
  const localOffset = view.getUint32(position + 42, true);
  const next = position + 46 + nameLength + extraLength + commentLength;
  if (next > bytes.byteLength) return damaged('de inhoudsopgave is afgebroken');
  const name = new TextDecoder('utf-8').decode(bytes.subarray(position + 46, position + 46 + nameLength));

  if ((flags & 0x1) !== 0) return unsupported('een versleuteld onderdeel');
  if (method !== 0 && method !== 8) return unsupported(`compressiemethode ${method}`);
  if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return unsupported('ZIP64');
  if (method === 0 && compressedSize !== uncompressedSize) return damaged('een onverpakt onderdeel heeft twee verschillende groottes');

  if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER) {
    return damaged('een onderdeel staat niet waar de inhoudsopgave zegt');
  }
  const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (dataOffset + compressedSize > directoryOffset) return damaged('een onderdeel loopt door tot in de inhoudsopgave');
  return { entry: { name, method, compressedSize, uncompressedSize, dataOffset }, next };
}

/** The last end-record signature in the file, as jszip takes it; it must leave room for the record. */
function findEndRecord(view: DataView): number | undefined {
  for (let position = view.byteLength - 4; position >= 0; position -= 1) {
    if (view.getUint32(position, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    return position + END_RECORD_SIZE <= view.byteLength ? position : undefined;
  }
  return undefined;
}

function fail(problem: ZipProblem): ZipDirectory {
  return { ok: false, problem };
}

function damaged(detail: string): ZipProblem {
  return { kind: 'damaged', detail };
}

function unsupported(detail: string): ZipProblem {
  return { kind: 'unsupported', detail };
}

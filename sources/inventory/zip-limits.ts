/**
 * The zip-bomb check for XLSX files, run before exceljs sees the bytes. First the sizes the
 * central directory declares are checked (in total, and per entry against its compressed size);
 * then every entry is inflated here with a hard cap at its declared size, so a directory that
 * lies about sizes is caught too. Memory stays bounded by the declared total throughout.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { MonitorError } from '../errors.ts';
import { MAX_COMPRESSION_RATIO, MIN_RATIO_CHECKED_BYTES } from './limits.ts';
import { formatBytes, shownText } from './shown-text.ts';
import { readZipDirectory, type ZipEntry, type ZipProblem } from './zip-directory.ts';

const NOT_XLSX = 'geen geldig Excel-bestand (xlsx)';
/** Compound File Binary: .xls, and every password-protected Office file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/**
 * Checks the archive and returns its entries inflated (by name): the check inflates every entry
 * anyway, and the plain reader (xlsx-plain.ts) reads them from here instead of inflating again.
 */
export function checkXlsxArchive(file: string, bytes: Uint8Array, maxUnpackedBytes: number): Map<string, Uint8Array> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new MonitorError(problemMessage(directory.problem, bytes), { location: { file } });
  const { entries } = directory;

  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > maxUnpackedBytes) {
    throw new MonitorError(
      `het xlsx-bestand pakt uit tot ${formatBytes(total)}; de grens is ${formatBytes(maxUnpackedBytes)} ` +
        '(mogelijk een zip-bom); het bestand wordt niet gelezen',
      { location: { file } },
    );
  }
  for (const entry of entries) checkRatio(file, entry);
  return new Map(entries.map((entry) => [entry.name, inflateWithinDeclaredSize(file, bytes, entry)]));
}

function checkRatio(file: string, entry: ZipEntry): void {
  if (entry.uncompressedSize < MIN_RATIO_CHECKED_BYTES) return;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio <= MAX_COMPRESSION_RATIO) return;
  throw new MonitorError(
    `onderdeel '${shownText(entry.name)}' pakt uit tot ${formatBytes(entry.uncompressedSize)}, ` +
      `${Math.round(ratio).toLocaleString('nl-NL')} keer zijn gecomprimeerde grootte; de grens is ${MAX_COMPRESSION_RATIO} keer ` +
      '(mogelijk een zip-bom); het bestand wordt niet gelezen',
    { location: { file } },
  );
}

function inflateWithinDeclaredSize(file: string, bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data; // stored: its size is its compressed size, checked against the file
  let inflated: Buffer;
  try {
    // One byte more than declared, so that "more than declared" is seen without inflating further.
    // Into one buffer of the declared size (bounded above): zlib's default 16 KiB chunks would be joined in a second copy.
    inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1, chunkSize: Math.max(constants.Z_MIN_CHUNK, entry.uncompressedSize + 1) });
  } catch (cause) {
    if (errorCode(cause) === 'ERR_BUFFER_TOO_LARGE') throw lyingSize(file, entry, cause);
    throw new MonitorError(`${NOT_XLSX}: onderdeel '${shownText(entry.name)}' is beschadigd`, { location: { file }, cause });
  }
  if (inflated.byteLength !== entry.uncompressedSize) throw lyingSize(file, entry);
  return inflated;
}

function lyingSize(file: string, entry: ZipEntry, cause?: unknown): MonitorError {
  return new MonitorError(
    `onderdeel '${shownText(entry.name)}' pakt uit tot een andere grootte dan de ${formatBytes(entry.uncompressedSize)} ` +
      'die het zip-bestand opgeeft (beschadigd of gemanipuleerd); het bestand wordt niet gelezen',
    { location: { file }, cause },
  );
}

function problemMessage(problem: ZipProblem, bytes: Uint8Array): string {
  switch (problem.kind) {
    case 'not-a-zip':
      return OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)
        ? `${NOT_XLSX}: dit is een ouder Excel-bestand (.xls) of een bestand met een wachtwoord; sla het op als .xlsx zonder wachtwoord`
        : NOT_XLSX;
    case 'damaged':
      return `${NOT_XLSX}: het zip-bestand is beschadigd (${problem.detail})`;
    case 'unsupported':
      return `${NOT_XLSX}: ${problem.detail} wordt niet ondersteund`;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

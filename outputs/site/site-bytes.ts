/**
 * Pages given piece by piece, encoded as UTF-8 into one buffer as the pieces are made: the report's
 * worker sends the site to the main thread as bytes, and encoding each piece where it lands costs
 * less than joining a page's pieces into one text and encoding that again.
 */
import type { BinaryFile, StreamedFile } from '../csv/exports.ts';

/** Each file's bytes, views on one ArrayBuffer of their own (to be moved, not copied, to another thread). */
export function encodedFiles(files: readonly StreamedFile[]): BinaryFile[] {
  let bytes = Buffer.allocUnsafeSlow(1 << 20);
  let used = 0;
  const ends: number[] = [];
  for (const file of files) {
    for (const piece of file.chunks()) {
      // A UTF-16 code unit takes at most three bytes in UTF-8.
      const room = used + 3 * piece.length;
      if (room > bytes.length) {
        const larger = Buffer.allocUnsafeSlow(Math.max(2 * bytes.length, room));
        bytes.copy(larger, 0, 0, used);
        bytes = larger;
      }
      used += bytes.write(piece, used);
    }
    ends.push(used);
  }
  const buffer = bytes.buffer;
  return files.map((file, index) => {
    const start = index === 0 ? 0 : ends[index - 1]!;
    return { name: file.name, content: new Uint8Array(buffer, bytes.byteOffset + start, ends[index]! - start) };
  });
}

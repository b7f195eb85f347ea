/** What a byte string looks like as UTF-8: how many multi-byte characters are well formed, and where the first bad byte is. */
export interface Utf8Scan {
  multibyteCharacters: number;
  /** Offset of the first byte that is not part of a well-formed UTF-8 character. */
  firstInvalid: number | undefined;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyteCharacters = 0;
  let firstInvalid: number | undefined;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length === 0) {
      firstInvalid ??= index;
      index += 1;
    } else {
      multibyteCharacters += 1;
      index += length;
    }
  }
  return { multibyteCharacters, firstInvalid };
}

/** Length of the well-formed UTF-8 character at `index` (RFC 3629 table), or 0. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  const [length, secondLow, secondHigh] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || index + length > bytes.length) return 0;
  const second = bytes[index + 1]!;
  if (second < secondLow || second > secondHigh) return 0;
  for (let offset = 2; offset < length; offset += 1) {
    const next = bytes[index + offset]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

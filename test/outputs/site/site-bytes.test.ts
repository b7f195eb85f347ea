import { describe, expect, it } from 'vitest';
import { encodedFiles } from '../../../outputs/site/site-bytes.ts';

describe('encodedFiles', () => {
  it("gives each file the UTF-8 bytes of its pieces joined, also when the pieces outgrow the first buffer", () => {
    const big = 'ë→'.repeat(300_000); // 1.5 MB in UTF-8, more than the buffer it starts with
    const files = [
      { name: 'a.html', chunks: () => ['<p>', 'Zeeuws-Vlaanderen — “één”', '</p>'] },
      { name: 'leeg.html', chunks: () => [] },
      { name: 'b.html', chunks: () => ['x', big, '😀', big.slice(0, 7)] },
      { name: 'c.html', chunks: () => ['<', '/body>'] },
    ];
    const encoded = encodedFiles(files);
    expect(encoded.map((file) => file.name)).toEqual(files.map((file) => file.name));
    for (const [index, file] of files.entries()) {
      expect(Buffer.from(encoded[index]!.content).equals(Buffer.from([...file.chunks()].join(''), 'utf8'))).toBe(true);
    }
    // One buffer for all: moved to the main thread whole.
    expect(new Set(encoded.map((file) => file.content.buffer)).size).toBe(1);
  });
});

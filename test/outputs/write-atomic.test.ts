/**
 * A file given piece by piece (a site page at the scale of a province's sociale basis) is written
 * as it is made, in batches, to exactly the text of its pieces; a piece that fails to be made fails
 * the whole folder and leaves the previous one as it was.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFolder } from '../../outputs/write-atomic.ts';
import { scratchDir } from '../helpers/cli.ts';

describe('a folder with files made as they are written', () => {
  const scratch = scratchDir('lsp-monitor-write-atomic-');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes each file made of pieces, over several batches, as the text of its pieces', async () => {
    const target = join(scratch, 'rapport');
    // Some 3.5 million characters in pieces of all sizes, with text outside ASCII: more than one batch.
    const piece = (index: number) => `${index % 7 === 0 ? '← ' : ''}regel ${index} ${'x'.repeat(index % 50)}\n`;
    const pieces = Array.from({ length: 100_000 }, (_, index) => piece(index));
    await replaceFolder(
      target,
      [
        { name: 'klein.txt', content: 'klein' },
        { name: 'site/groot.html', chunks: () => pieces },
        { name: 'site/leeg.html', chunks: () => [] },
      ],
      () => true,
    );
    expect(readFileSync(join(target, 'site', 'groot.html'), 'utf8')).toBe(pieces.join(''));
    expect(readFileSync(join(target, 'site', 'leeg.html'), 'utf8')).toBe('');
    expect(readFileSync(join(target, 'klein.txt'), 'utf8')).toBe('klein');
  });

  it('leaves the previous folder as it was when a piece cannot be made', async () => {
    const target = join(scratch, 'vorig');
    mkdirSync(target);
    writeFileSync(join(target, 'oud.txt'), 'oud');
    function* failing(): Generator<string> {
      yield 'begin\n'.repeat(300_000);
      throw new Error('stuk kapot');
    }
    await expect(replaceFolder(target, [{ name: 'nieuw.txt', content: 'nieuw' }, { name: 'pagina.html', chunks: failing }], () => true)).rejects.toThrow('stuk kapot');
    expect(readdirSync(target)).toEqual(['oud.txt']);
    expect(readdirSync(scratch).filter((entry) => entry.startsWith('.vorig'))).toEqual([]);
  });
});

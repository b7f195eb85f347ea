import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joined, wholeText, type Item } from '../../../outputs/site/chunks.ts';

/** A text as the site makes it: a string, the pieces of one text, or items joined by a separator. */
type Tree = string | { pieces: string[] } | { items: Tree[]; separator: string; lazy: boolean };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 4 }),
    fc.record({ pieces: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }) }),
    fc.record({ items: fc.array(tie('tree'), { maxLength: 4 }), separator: fc.constantFrom('', '\n', ', '), lazy: fc.boolean() }),
  ),
})).tree;

/** What the text is: Array.prototype.join all the way down. */
function expected(text: Tree): string {
  if (typeof text === 'string') return text;
  if ('pieces' in text) return text.pieces.join('');
  return text.items.map(expected).join(text.separator);
}

function* one<T>(items: readonly T[]): Generator<T> {
  yield* items;
}

function made(text: Tree): Item {
  if (typeof text === 'string') return text;
  if ('pieces' in text) return one(text.pieces);
  const items = text.items.map(made);
  return joined(text.lazy ? one(items) : items, text.separator);
}

describe('joined', () => {
  it('gives the text Array.prototype.join gives, however the items nest', () => {
    fc.assert(
      fc.property(tree, (text) => {
        expect(wholeText(joined([made(text)]))).toBe(expected(text));
      }),
      { numRuns: 500 },
    );
  });

  it('makes an item only when its pieces are reached', () => {
    let made = 0;
    function* page(): Generator<string> {
      made++;
      yield 'b';
    }
    const pieces = joined(['a', joined([page(), 'c'], ''), joined(['d'])], '|')[Symbol.iterator]();
    expect(pieces.next().value).toBe('a');
    expect(made).toBe(0);
    expect(pieces.next().value).toBe('|');
    expect(pieces.next().value).toBe('b');
    expect(made).toBe(1);
    expect([...{ [Symbol.iterator]: () => pieces }].join('')).toBe('c|d');
  });
});

/**
 * Text made piece by piece: a page of the site at the scale of a whole province's sociale basis
 * (hundreds of thousands of steunpunten) is written to its file as it is made, never held whole.
 * The pieces joined are exactly the text `Array.prototype.join` would give.
 */

/** Pieces of one text, in order; iterated once, when the text is written. */
export type Chunks = Iterable<string>;

/** One item of `joined`: a text, or a text given as its pieces (one item, however many pieces). */
export type Item = string | Chunks;

/** `items.join(separator)`, with each item a string or the pieces of one. */
export function* joined(items: Iterable<Item>, separator = '\n'): Generator<string> {
  let first = true;
  for (const item of items) {
    if (!first) yield separator;
    first = false;
    if (typeof item === 'string') yield item;
    else yield* item;
  }
}

/** The whole text of the pieces: for callers that need it at once (a small site, the tests). */
export function wholeText(chunks: Chunks): string {
  return [...chunks].join('');
}

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
export function joined(items: Iterable<Item>, separator = '\n'): Chunks {
  return new Joined(items, separator);
}

class Joined implements Iterable<string> {
  constructor(
    readonly items: Iterable<Item>,
    readonly separator: string,
  ) {}

  [Symbol.iterator](): Iterator<string, undefined> {
    return new Pieces(this);
  }
}

interface Level {
  items: Iterator<Item>;
  /** Between two items; "" within the pieces of one item. */
  separator: string;
  first: boolean;
}

/**
 * The pieces of nested `joined` items, in order, walked with a stack of their iterators: each piece
 * is handed out once, not passed up through a generator per level of nesting (a page is some five
 * levels deep, and a map's or a table's thousands of pieces each paid for every level).
 */
class Pieces implements Iterator<string, undefined> {
  private readonly levels: Level[] = [];
  /** The item that comes after the separator just handed out. */
  private afterSeparator: Item | undefined;

  constructor(root: Joined) {
    this.levels.push(levelOf(root));
  }

  next(): IteratorResult<string, undefined> {
    for (;;) {
      let item = this.afterSeparator;
      if (item !== undefined) this.afterSeparator = undefined;
      else {
        const level = this.levels[this.levels.length - 1];
        if (level === undefined) return { done: true, value: undefined };
        const step = level.items.next();
        if (step.done === true) {
          this.levels.pop();
          continue;
        }
        item = step.value;
        if (level.first) level.first = false;
        else if (level.separator !== '') {
          this.afterSeparator = item;
          return { done: false, value: level.separator };
        }
      }
      if (typeof item === 'string') return { done: false, value: item };
      this.levels.push(levelOf(item));
    }
  }
}

function levelOf(chunks: Chunks): Level {
  return chunks instanceof Joined
    ? { items: chunks.items[Symbol.iterator](), separator: chunks.separator, first: true }
    : { items: chunks[Symbol.iterator](), separator: '', first: true };
}

/** The whole text of the pieces: for callers that need it at once (a small site, the tests). */
export function wholeText(chunks: Chunks): string {
  return [...chunks].join('');
}

/**
 * Candidate pairs by blocking: every record gets a few block keys (its municipality with its
 * organisation, with each informative name word, its full postcode, its IZA-region with its
 * organisation), and only records that share a key are compared. In a block larger than
 * MAX_BLOCK (a word every location in a city has) only sorted neighbours are compared, so the
 * work grows with the number of records, not with its square. A name word with a typing slip
 * ("Hazelkwartir") shares no block with its right spelling; the words of an area, sorted as
 * written and sorted back to front, put the two spellings close together, so near neighbours
 * one slip apart share a block as well.
 *
 * This runs in memory: the records are in memory already, and an index of block keys to record
 * positions costs a fraction of a round trip through a database self-join (measured at 100k
 * records: 16.6 s in DuckDB, including reading 2.6M pairs back, against about 2 s here).
 */
import type { MatchRecord } from './compare.ts';
import { slipApart, wordText } from './words.ts';

export const MAX_BLOCK = 100;
/** In a larger block, each record meets the records within this many places of it in sorted order. */
const NEIGHBOUR_WINDOW = 4;
const NEIGHBOUR_STEP = NEIGHBOUR_WINDOW / 2;
const MIN_BLOCK_TOKEN = 4;
/** Each word of an area is held against this many following words, in each of the two sort orders. */
const TYPO_WINDOW = 3;
/** A spelling with a slip is carried by at most this many rows of an area. */
const MAX_SLIPPED_ROWS = 3;

/** The kinds of block key: organisation, name word, compact name, full postcode. */
type KeyKind = 'o' | 't' | 'c' | 'p';

/**
 * Calls `visit` with each block key of a record: its kind, its scope (an area or region; '' for a
 * postcode, which needs none) and its value; `word` is the name word's number for kind 't'.
 */
function visitBlockKeys(record: MatchRecord, visit: (kind: KeyKind, scope: string, value: string, word: number) => void): void {
  const area = record.gmCode ?? `regio:${record.izaRegion ?? ''}`;
  const region = `regio:${record.izaRegion ?? ''}`;
  if (record.keys.organisationKey !== '') {
    visit('o', area, record.keys.organisationKey, -1);
    visit('o', region, record.keys.organisationKey, -1);
  }
  // Organisation words have their own block above; only the name's words block here.
  const { fullTokens, words } = record.keys;
  for (let index = 0; index < fullTokens.length; index += 1) {
    if (fullTokens[index]!.length >= MIN_BLOCK_TOKEN) visit('t', area, fullTokens[index]!, words.store[words.start + index]!);
  }
  if (record.keys.compactKey !== '') visit('c', region, record.keys.compactKey, -1);
  if (record.postcode !== null && record.postcode.length === 7) visit('p', '', record.postcode, -1);
}

/** A record's block keys as text ("GM0363|t:herstelcafe"), for whoever explains a candidate pair. */
export function blockKeys(record: MatchRecord): string[] {
  const keys = new Set<string>();
  visitBlockKeys(record, (kind, scope, value) => keys.add(kind === 'p' ? `p:${value}` : `${scope}|${kind}:${value}`));
  return [...keys];
}

export interface CandidateOptions {
  /** Only pairs across the two groups (this year's locations against earlier years'), as [a, b]. */
  between?: (record: MatchRecord) => 'a' | 'b';
  /** Pairs to leave out before anyone scores them (e.g. ones a hard conflict rules out). */
  skip?: (a: MatchRecord, b: MatchRecord) => boolean;
}

/**
 * Every pair of records that shares a usable block, once. Within one group the pair is ordered
 * by id; across groups the 'a' record comes first. Sorted, so the outcome never depends on the
 * order of the blocks.
 */
export function candidatePairs(records: readonly MatchRecord[], options: CandidateOptions = {}): [MatchRecord, MatchRecord][] {
  const pairs: [MatchRecord, MatchRecord][] = [];
  new BlockIndex(records, options).forEachPair((a, b) => pairs.push([a, b]));
  return pairs;
}

/** The records by block; forEachPair visits the candidate pairs without a list of them (millions at 100k records). */
export class BlockIndex {
  /** Positions in id order: a pair ordered by position is ordered by id. */
  private readonly sorted: MatchRecord[];
  /** Per record, the usable blocks it is in (members by position). */
  private readonly blocksOf: number[][][];
  private readonly sides: ('a' | 'b')[] | undefined;

  constructor(records: readonly MatchRecord[], private readonly options: CandidateOptions = {}) {
    this.sorted = [...records].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    this.blocksOf = usableBlocks(this.sorted);
    this.sides = options.between === undefined ? undefined : this.sorted.map(options.between);
  }

  /** Calls `visit` for each candidate pair, in the order candidatePairs lists them. */
  forEachPair(visit: (a: MatchRecord, b: MatchRecord) => void): void {
    const { sorted, blocksOf, sides } = this;
    const { skip } = this.options;
    // lastPartnerOf[j] === i once j has been paired with i: a pair met in a second block is
    // skipped without a set of all pairs.
    const lastPartnerOf = new Int32Array(sorted.length).fill(-1);
    // Partners in a typed array, sorted natively (no comparator call per step).
    let partners = new Int32Array(256);
    for (let first = 0; first < sorted.length; first += 1) {
      if (sides !== undefined && sides[first] !== 'a') continue;
      let count = 0;
      for (const members of blocksOf[first]!) {
        for (const second of members) {
          const wanted = sides === undefined ? second > first : sides[second] === 'b';
          if (!wanted || lastPartnerOf[second] === first) continue;
          lastPartnerOf[second] = first;
          if (count === partners.length) partners = grown(partners);
          partners[count] = second;
          count += 1;
        }
      }
      const ordered = partners.subarray(0, count).sort();
      for (let index = 0; index < count; index += 1) {
        const second = ordered[index]!;
        if (skip === undefined || !skip(sorted[first]!, sorted[second]!)) visit(sorted[first]!, sorted[second]!);
      }
    }
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * Block keys as numbers (kind, numbered scope, numbered value): the index holds millions of keys
 * at a million records, and a Map of numbers costs a fraction of one of texts. The same keys as
 * blockKeys, one number for one text.
 */
class KeyNumbers {
  private readonly scopes = new Map<string, number>();
  private readonly values = { o: new Map<string, number>(), c: new Map<string, number>(), p: new Map<string, number>() };

  key(kind: KeyKind, scope: string, value: string, word: number): number {
    const id = kind === 't' ? word : numbered(this.values[kind], value);
    const scopeNumber = numbered(this.scopes, scope);
    if (scopeNumber >= SCOPE_LIMIT || id >= VALUE_LIMIT) throw new Error(`block key out of range: ${scope}|${kind}:${value}`);
    return (KINDS.indexOf(kind) * SCOPE_LIMIT + scopeNumber) * VALUE_LIMIT + id;
  }

  /** The name word and scope of a 't' key, undefined for another kind. */
  nameWord(key: number): { scope: number; word: number } | undefined {
    const word = key % VALUE_LIMIT;
    const rest = (key - word) / VALUE_LIMIT;
    if (KINDS[Math.floor(rest / SCOPE_LIMIT)] !== 't') return undefined;
    return { scope: rest % SCOPE_LIMIT, word };
  }
}

const KINDS: readonly KeyKind[] = ['o', 't', 'c', 'p'];
const SCOPE_LIMIT = 2 ** 14;
const VALUE_LIMIT = 2 ** 36;

function numbered(numbers: Map<string, number>, text: string): number {
  let number = numbers.get(text);
  if (number === undefined) numbers.set(text, (number = numbers.size));
  return number;
}

function usableBlocks(sorted: readonly MatchRecord[]): number[][][] {
  const numbers = new KeyNumbers();
  const blocks = new Map<number, number[]>();
  const keysOfRecord: number[] = [];
  let position = 0;
  const add = (kind: KeyKind, scope: string, value: string, word: number) => {
    const key = numbers.key(kind, scope, value, word);
    if (keysOfRecord.includes(key)) return;
    keysOfRecord.push(key);
    const members = blocks.get(key);
    if (members === undefined) blocks.set(key, [position]);
    else members.push(position);
  };
  for (; position < sorted.length; position += 1) {
    keysOfRecord.length = 0;
    visitBlockKeys(sorted[position]!, add);
  }
  const blocksOf: number[][][] = sorted.map(() => []);
  for (const block of typoBlocks(blocks, numbers)) for (const member of block) blocksOf[member]!.push(block);
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    const usable = members.length <= MAX_BLOCK ? [members] : neighbourWindows(sorted, numbers.nameWord(key)?.word, members);
    for (const block of usable) for (const member of block) blocksOf[member]!.push(block);
  }
  return blocksOf;
}

/**
 * Blocks joining the records of two name words of one area that are one slip apart. Linear: each
 * distinct word meets only its TYPO_WINDOW successors in the two sort orders, and a pair of words
 * both carried by more than MAX_SLIPPED_ROWS rows, or by more than MAX_BLOCK together, is left
 * alone (a slip in a word that common still leaves the name's other words to block on).
 */
function typoBlocks(blocks: ReadonlyMap<number, number[]>, numbers: KeyNumbers): number[][] {
  const wordsOfArea = new Map<number, { text: string; members: number[] }[]>();
  for (const [key, members] of blocks) {
    const nameWord = numbers.nameWord(key);
    if (nameWord === undefined) continue;
    const entry = { text: wordText(nameWord.word), members };
    const list = wordsOfArea.get(nameWord.scope);
    if (list === undefined) wordsOfArea.set(nameWord.scope, [entry]);
    else list.push(entry);
  }
  const joined = new Set<string>();
  const result: number[][] = [];
  for (const [area, words] of wordsOfArea) {
    const forward = [...words].sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    const backward = words.map((word) => ({ word, reversed: [...word.text].reverse().join('') }));
    backward.sort((x, y) => (x.reversed < y.reversed ? -1 : x.reversed > y.reversed ? 1 : 0));
    for (const order of [forward, backward.map((entry) => entry.word)]) {
      for (let i = 0; i < order.length; i += 1) {
        for (let j = i + 1; j <= i + TYPO_WINDOW && j < order.length; j += 1) {
          const [x, y] = order[i]!.text < order[j]!.text ? [order[i]!, order[j]!] : [order[j]!, order[i]!];
          if (!slipApart(x.text, y.text)) continue;
          // A slip is in the few rows that made it; two common words alike are two words.
          if (Math.min(x.members.length, y.members.length) > MAX_SLIPPED_ROWS || x.members.length + y.members.length > MAX_BLOCK) continue;
          const pair = `${area}|${x.text}|${y.text}`;
          if (joined.has(pair)) continue;
          joined.add(pair);
          result.push([...x.members, ...y.members].sort((p, q) => p - q));
        }
      }
    }
  }
  return result;
}

/**
 * A block too large to compare all its pairs (a word every location in a city has) is not
 * dropped: its records are sorted by their names without the block's word, and each is compared
 * with its nearest neighbours only (the sorted-neighbourhood method). Two spellings of one
 * steunpunt sort next to each other; the work grows with the block's size, not its square.
 */
function neighbourWindows(sorted: readonly MatchRecord[], wordNumber: number | undefined, members: readonly number[]): number[][] {
  const word = wordNumber === undefined ? undefined : wordText(wordNumber);
  const sortKey = (position: number) => {
    const tokens = sorted[position]!.keys.fullTokens;
    return (word === undefined ? tokens : tokens.filter((token) => token !== word)).join(' ');
  };
  const keyed = members.map((position) => ({ position, key: sortKey(position) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.position - y.position));
  const windows: number[][] = [];
  for (let start = 0; start < keyed.length - 1; start += NEIGHBOUR_STEP) {
    windows.push(keyed.slice(start, start + NEIGHBOUR_WINDOW).map((entry) => entry.position));
  }
  return windows;
}

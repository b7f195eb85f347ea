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
import { PairNumbers } from './pair-cache.ts';
import { slipApart, wordRanks, wordText } from './words.ts';

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
/** Where a key holds: the record's area (its municipality, else its region), its region, or anywhere. */
type KeyScope = 'area' | 'region' | 'none';

/**
 * Calls `visit` with each block key of a record: its kind, its scope and its value; `number` is the
 * name word's number for kind 't', the organisation's for kind 'o'.
 */
function visitBlockKeys(record: MatchRecord, visit: (kind: KeyKind, scope: KeyScope, value: string, number: number) => void): void {
  if (record.keys.organisationKey !== '') {
    visit('o', 'area', record.keys.organisationKey, record.keys.words.organisationNumber);
    visit('o', 'region', record.keys.organisationKey, record.keys.words.organisationNumber);
  }
  // Organisation words have their own block above; only the name's words block here.
  const { fullTokens, words } = record.keys;
  for (let index = 0; index < fullTokens.length; index += 1) {
    if (fullTokens[index]!.length >= MIN_BLOCK_TOKEN) visit('t', 'area', fullTokens[index]!, words.store[words.start + index]!);
  }
  if (record.keys.compactKey !== '') visit('c', 'region', record.keys.compactKey, -1);
  if (record.postcode !== null && record.postcode.length === 7) visit('p', 'none', record.postcode, -1);
}

const regionScopes = new Map<string | null, string>();

/** "regio:<region>", one text per region rather than one per record. */
function regionScope(izaRegion: string | null): string {
  let scope = regionScopes.get(izaRegion);
  if (scope === undefined) regionScopes.set(izaRegion, (scope = `regio:${izaRegion ?? ''}`));
  return scope;
}

/** A record's block keys as text ("GM0363|t:herstelcafe"), for whoever explains a candidate pair. */
export function blockKeys(record: MatchRecord): string[] {
  const keys = new Set<string>();
  const region = regionScope(record.izaRegion);
  const area = record.gmCode ?? region;
  visitBlockKeys(record, (kind, scope, value) => keys.add(kind === 'p' ? `p:${value}` : `${scope === 'area' ? area : region}|${kind}:${value}`));
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
  const index = new BlockIndex(records, options);
  const { skip } = options;
  index.forEachPair((first, second) => {
    const a = index.records[first]!;
    const b = index.records[second]!;
    if (skip === undefined || !skip(a, b)) pairs.push([a, b]);
  });
  return pairs;
}

/**
 * The records by block; forEachPair visits the candidate pairs without a list of them (millions at
 * 100k records). The blocks lie in typed arrays: at a million records an array per block and per
 * record was millions of objects for the garbage collector to trace.
 */
export class BlockIndex {
  /** The records in id order: a pair ordered by position is ordered by id. */
  readonly records: readonly MatchRecord[];
  private readonly blocks: Blocks;
  /** Per position 1 for side 'a', 2 for side 'b' (with the between option). */
  private readonly sides: Uint8Array | undefined;

  constructor(records: readonly MatchRecord[], options: Pick<CandidateOptions, 'between'> = {}) {
    this.records = [...records].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    this.blocks = usableBlocks(this.records);
    const { between } = options;
    this.sides = between === undefined ? undefined : Uint8Array.from(this.records, (record) => (between(record) === 'a' ? 1 : 2));
  }

  /**
   * Calls `visit` with the positions (in `records`) of each candidate pair, in the order
   * candidatePairs lists them. With `byArea`, for a caller to whom the order makes no
   * difference: the first records area by area (municipality, else region), each one's pairs as
   * its blocks give them. Most blocks lie within one area, so its records stay in the processor's
   * cache while their pairs are judged: taken in id order, each pair reached for two records
   * anywhere in memory (scoring at 100k records 3.35 → 2.32 s).
   */
  forEachPair(visit: (first: number, second: number) => void, byArea = false): void {
    const { members, blockStart, recordStart, recordBlocks, areaOrder } = this.blocks;
    const { sides } = this;
    const count = this.records.length;
    // lastPartnerOf[j] === i once j has been paired with i: a pair met in a second block is
    // skipped without a set of all pairs.
    const lastPartnerOf = new Int32Array(count).fill(-1);
    // Partners in a typed array, sorted natively (no comparator call per step).
    let partners = new Int32Array(256);
    for (let step = 0; step < count; step += 1) {
      const first = byArea ? areaOrder[step]! : step;
      if (sides !== undefined && sides[first] !== 1) continue;
      let found = 0;
      for (let at = recordStart[first]!; at < recordStart[first + 1]!; at += 1) {
        const block = recordBlocks[at]!;
        const end = blockStart[block + 1]!;
        // A block's members are in position order: within one group only those after `first` pair with it.
        const from = sides === undefined ? after(members, blockStart[block]!, end, first) : blockStart[block]!;
        for (let slot = from; slot < end; slot += 1) {
          const second = members[slot]!;
          if ((sides !== undefined && sides[second] !== 2) || lastPartnerOf[second] === first) continue;
          lastPartnerOf[second] = first;
          if (found === partners.length) partners = grown(partners);
          partners[found] = second;
          found += 1;
        }
      }
      const ordered = byArea ? partners : partners.subarray(0, found).sort();
      for (let index = 0; index < found; index += 1) visit(first, ordered[index]!);
    }
  }
}

/** The first slot of sorted[from, to) holding a number above `value`. */
function after(sorted: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function grown<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * Block keys as dense numbers (0, 1, … in the order met): a key is its kind with its scope's number
 * and its value's number (a name word's own number, or a numbered organisation, compact name or
 * postcode). At a million records the index meets about nine million keys, and a Map keyed by
 * texts, or by numbers beyond the small-integer range, cost several times the rest of the blocking.
 * The same keys as blockKeys, one number for one text.
 */
class KeyNumbers {
  /** Per key: its kind (index in KINDS), scope number and value number. */
  kinds = new Uint8Array(1 << 12);
  scopes = new Int32Array(1 << 12);
  values = new Int32Array(1 << 12);
  private readonly keys = new PairNumbers();
  private readonly municipalities = new Map<string, number>();
  private readonly regions = new Map<string, number>();
  private readonly texts = { c: new Map<string, number>(), p: new Map<string, number>() };
  private currentArea = 0;
  private region = 0;

  get count(): number {
    return this.keys.size;
  }

  /** The current record's area: its municipality's scope number, else its region's. */
  get area(): number {
    return this.currentArea;
  }

  /** Sets the record whose keys are asked next (its area and region). */
  recordIs(record: MatchRecord): void {
    // A municipality's scope is even, a region's odd: the two never share a number.
    this.region = 2 * numbered(this.regions, record.izaRegion ?? '') + 1;
    this.currentArea = record.gmCode === null ? this.region : 2 * numbered(this.municipalities, record.gmCode);
  }

  /** The key of the current record's block key. */
  key(kind: KeyKind, scope: KeyScope, value: string, number: number): number {
    const kindNumber = KINDS.indexOf(kind);
    const scopeNumber = scope === 'area' ? this.currentArea : scope === 'region' ? this.region : 0;
    const valueNumber = kind === 't' || kind === 'o' ? number : numbered(this.texts[kind], value);
    const before = this.keys.size;
    const key = this.keys.numberOf(scopeNumber * KINDS.length + kindNumber, valueNumber);
    if (key === before) {
      if (key === this.kinds.length) {
        this.kinds = grown(this.kinds);
        this.scopes = grown(this.scopes);
        this.values = grown(this.values);
      }
      this.kinds[key] = kindNumber;
      this.scopes[key] = scopeNumber;
      this.values[key] = valueNumber;
    }
    return key;
  }

  /** The name word of a 't' key, undefined for another kind. */
  nameWord(key: number): number | undefined {
    return this.kinds[key] === NAME_WORD ? this.values[key] : undefined;
  }
}

const KINDS: readonly KeyKind[] = ['o', 't', 'c', 'p'];
const NAME_WORD = KINDS.indexOf('t');

function numbered(numbers: Map<string, number>, text: string): number {
  let number = numbers.get(text);
  if (number === undefined) numbers.set(text, (number = numbers.size));
  return number;
}

/**
 * The usable blocks, each a run of `members` in position order (block b is
 * members[blockStart[b], blockStart[b + 1])), and per record the blocks it is in (record r's are
 * recordBlocks[recordStart[r], recordStart[r + 1])).
 */
interface Blocks {
  members: Int32Array;
  blockStart: Int32Array;
  recordStart: Int32Array;
  recordBlocks: Int32Array;
  /** The positions area by area, each area's in position order. */
  areaOrder: Int32Array;
}

/** Every record's block keys, as runs of positions per key (each run in position order). */
interface Keyed {
  /** Key k's records are positions[start[k], start[k + 1]). */
  start: Int32Array;
  positions: Int32Array;
  /** Per position, its area's scope number. */
  areas: Int32Array;
}

function keyedRecords(sorted: readonly MatchRecord[], numbers: KeyNumbers): Keyed {
  // At most two organisation keys, a compact name and a postcode besides the name words.
  let most = 0;
  for (const record of sorted) most += 4 + record.keys.fullTokens.length;
  const entryKeys = new Int32Array(most);
  const entryPositions = new Int32Array(most);
  let entries = 0;
  let position = 0;
  // The entries of the current record start here: a key it has already given is given once.
  let recordFrom = 0;
  const areas = new Int32Array(sorted.length);
  const add = (kind: KeyKind, scope: KeyScope, value: string, number: number) => {
    const key = numbers.key(kind, scope, value, number);
    for (let entry = recordFrom; entry < entries; entry += 1) if (entryKeys[entry] === key) return;
    entryKeys[entries] = key;
    entryPositions[entries] = position;
    entries += 1;
  };
  for (; position < sorted.length; position += 1) {
    recordFrom = entries;
    numbers.recordIs(sorted[position]!);
    areas[position] = numbers.area;
    visitBlockKeys(sorted[position]!, add);
  }
  // A counting sort by key keeps each key's positions in the order they were added.
  const keys = numbers.count;
  const start = new Int32Array(keys + 1);
  for (let entry = 0; entry < entries; entry += 1) start[entryKeys[entry]! + 1]! += 1;
  for (let key = 0; key < keys; key += 1) start[key + 1]! += start[key]!;
  const next = start.slice(0, keys);
  const positions = new Int32Array(entries);
  for (let entry = 0; entry < entries; entry += 1) positions[next[entryKeys[entry]!]!++] = entryPositions[entry]!;
  return { start, positions, areas };
}

/** Collects blocks into one typed array as they are made. */
class BlockList {
  private members = new Int32Array(1 << 16);
  private starts = new Int32Array(1 << 12);
  private used = 0;
  private count = 0;

  /** Adds a block (its positions in position order). */
  add(positions: ArrayLike<number>, from = 0, to = positions.length): void {
    while (this.used + (to - from) > this.members.length) this.members = grown(this.members);
    if (this.count + 1 >= this.starts.length) this.starts = grown(this.starts);
    for (let at = from; at < to; at += 1) this.members[this.used++] = positions[at]!;
    this.count += 1;
    this.starts[this.count] = this.used;
  }

  /** The blocks, with each record's list of the blocks it is in and the records in area order. */
  finish(records: number, areas: Int32Array): Blocks {
    const members = this.members.slice(0, this.used);
    const blockStart = this.starts.slice(0, this.count + 1);
    const recordStart = new Int32Array(records + 1);
    for (const member of members) recordStart[member + 1]! += 1;
    for (let record = 0; record < records; record += 1) recordStart[record + 1]! += recordStart[record]!;
    const next = recordStart.slice(0, records);
    const recordBlocks = new Int32Array(members.length);
    for (let block = 0; block < this.count; block += 1) {
      for (let slot = blockStart[block]!; slot < blockStart[block + 1]!; slot += 1) recordBlocks[next[members[slot]!]!++] = block;
    }
    return { members, blockStart, recordStart, recordBlocks, areaOrder: countingOrder(areas) };
  }
}

function usableBlocks(sorted: readonly MatchRecord[]): Blocks {
  const numbers = new KeyNumbers();
  const keyed = keyedRecords(sorted, numbers);
  const { start, positions } = keyed;
  const list = new BlockList();
  for (const block of typoBlocks(keyed, numbers)) list.add(block);
  const windows = new NeighbourWindows(sorted);
  for (let key = 0; key < numbers.count; key += 1) {
    const size = start[key + 1]! - start[key]!;
    if (size < 2) continue;
    if (size <= MAX_BLOCK) list.add(positions, start[key]!, start[key + 1]!);
    else windows.addTo(list, numbers.nameWord(key), positions.subarray(start[key]!, start[key + 1]!));
  }
  return list.finish(sorted.length, keyed.areas);
}

/** The indices of `groups` (small non-negative numbers) by group, each group's in index order. */
function countingOrder(groups: Int32Array): Int32Array {
  let most = 0;
  for (const group of groups) if (group > most) most = group;
  const start = new Int32Array(most + 2);
  for (const group of groups) start[group + 1]! += 1;
  for (let group = 0; group <= most; group += 1) start[group + 1]! += start[group]!;
  const order = new Int32Array(groups.length);
  for (let index = 0; index < groups.length; index += 1) order[start[groups[index]!]!++] = index;
  return order;
}

/**
 * Blocks joining the records of two name words of one area that are one slip apart. Linear: each
 * distinct word meets only its TYPO_WINDOW successors in the two sort orders, and a pair of words
 * both carried by more than MAX_SLIPPED_ROWS rows, or by more than MAX_BLOCK together, is left
 * alone (a slip in a word that common still leaves the name's other words to block on).
 */
function typoBlocks(keyed: Keyed, numbers: KeyNumbers): Int32Array[] {
  const { start, positions } = keyed;
  const wordsOfArea = new Map<number, { text: string; members: Int32Array }[]>();
  for (let key = 0; key < numbers.count; key += 1) {
    const word = numbers.nameWord(key);
    if (word === undefined) continue;
    const entry = { text: wordText(word), members: positions.subarray(start[key]!, start[key + 1]!) };
    const list = wordsOfArea.get(numbers.scopes[key]!);
    if (list === undefined) wordsOfArea.set(numbers.scopes[key]!, [entry]);
    else list.push(entry);
  }
  const joined = new Set<string>();
  const result: Int32Array[] = [];
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
          const block = new Int32Array(x.members.length + y.members.length);
          block.set(x.members);
          block.set(y.members, x.members.length);
          result.push(block.sort());
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
 *
 * The names are compared as their words' places in text order, not as texts: a name key's words
 * hold only letters and digits, so names joined by spaces sort as their word sequences do (a
 * word before its longer spellings, a name before the longer names it starts), ties by position.
 * At a million records, making a text per member of the oversized blocks (3.3 million) cost more
 * than all the rest of the blocking.
 */
class NeighbourWindows {
  /** One window, in position order as every block (forEachPair relies on it). */
  private readonly window = new Int32Array(NEIGHBOUR_WINDOW);
  /** Per word number, its place in text order. */
  private readonly ranks = wordRanks();
  /** The block's members' names as word places, side by side: member m's are names[nameStart[m], nameStart[m + 1]). */
  private names = new Int32Array(1 << 12);
  private nameStart = new Int32Array(1 << 10);
  private readonly byName = (x: number, y: number): number => {
    const { names, nameStart } = this;
    let at = nameStart[x]!;
    let other = nameStart[y]!;
    const end = nameStart[x + 1]!;
    const otherEnd = nameStart[y + 1]!;
    for (; at < end && other < otherEnd; at += 1, other += 1) {
      if (names[at] !== names[other]) return names[at]! - names[other]!;
    }
    // A name that starts the other sorts first; the same name by position (members are in position order).
    return at < end ? 1 : other < otherEnd ? -1 : x - y;
  };

  constructor(private readonly sorted: readonly MatchRecord[]) {}

  /** Adds the windows of the block of `members` (of the name word `wordNumber`, if any) to `list`. */
  addTo(list: BlockList, wordNumber: number | undefined, members: Int32Array): void {
    this.nameMembers(members, wordNumber ?? -1);
    const order = new Int32Array(members.length);
    for (let at = 0; at < order.length; at += 1) order[at] = at;
    order.sort(this.byName);
    const { window } = this;
    for (let start = 0; start < order.length - 1; start += NEIGHBOUR_STEP) {
      const size = Math.min(NEIGHBOUR_WINDOW, order.length - start);
      for (let at = 0; at < size; at += 1) window[at] = members[order[start + at]!]!;
      insertionSort(window, size);
      list.add(window, 0, size);
    }
  }

  /** Each member's full words without `word`, as places in text order. */
  private nameMembers(members: Int32Array, word: number): void {
    if (this.nameStart.length <= members.length) this.nameStart = new Int32Array(2 * members.length + 1);
    const { ranks, nameStart } = this;
    let used = 0;
    for (let member = 0; member < members.length; member += 1) {
      nameStart[member] = used;
      const { store, start, fullEnd } = this.sorted[members[member]!]!.keys.words;
      while (used + (fullEnd - start) > this.names.length) this.names = grown(this.names);
      for (let at = start; at < fullEnd; at += 1) if (store[at] !== word) this.names[used++] = ranks[store[at]!]!;
    }
    nameStart[members.length] = used;
  }
}

function insertionSort(numbers: Int32Array, size: number): void {
  for (let at = 1; at < size; at += 1) {
    const value = numbers[at]!;
    let to = at;
    for (; to > 0 && numbers[to - 1]! > value; to -= 1) numbers[to] = numbers[to - 1]!;
    numbers[to] = value;
  }
}

/**
 * A symmetric cache of a number per pair of non-negative numbers: an open-addressing table in typed
 * arrays, so that tens of millions of lookups cost no allocation and no garbage. Emptied when full.
 */
export class PairCache {
  private lows = new Int32Array(0);
  private highs = new Int32Array(0);
  private values = new Float64Array(0);
  private mask = 0;
  private size = 0;

  constructor(private readonly initialCapacity: number, private readonly maxSize: number) {
    this.reset(initialCapacity);
  }

  get(a: number, b: number): number | undefined {
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    for (let slot = slotOf(low, high, this.mask); ; slot = (slot + 1) & this.mask) {
      const stored = this.lows[slot]!;
      if (stored === -1) return undefined;
      if (stored === low && this.highs[slot] === high) return this.values[slot];
    }
  }

  set(a: number, b: number, value: number): void {
    if (this.size >= this.maxSize) this.reset(this.initialCapacity);
    else if (2 * (this.size + 1) > this.lows.length) this.grow();
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    let slot = slotOf(low, high, this.mask);
    while (this.lows[slot] !== -1 && !(this.lows[slot] === low && this.highs[slot] === high)) slot = (slot + 1) & this.mask;
    if (this.lows[slot] === -1) this.size += 1;
    this.lows[slot] = low;
    this.highs[slot] = high;
    this.values[slot] = value;
  }

  private reset(capacity: number): void {
    this.lows = new Int32Array(capacity).fill(-1);
    this.highs = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
  }

  private grow(): void {
    const [lows, highs, values] = [this.lows, this.highs, this.values];
    this.reset(lows.length * 2);
    for (let slot = 0; slot < lows.length; slot += 1) {
      if (lows[slot] !== -1) this.set(lows[slot]!, highs[slot]!, values[slot]!);
    }
  }
}

/**
 * Numbers ordered pairs of non-negative numbers densely (0, 1, 2, … in the order first met), in
 * typed arrays: millions of pairs without a Map keyed by numbers beyond the small-integer range,
 * each of which V8 keeps as a heap number.
 */
export class PairNumbers {
  private firsts = new Int32Array(1 << 12).fill(-1);
  private seconds = new Int32Array(1 << 12);
  private numbers = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** How many pairs are numbered. */
  size = 0;

  numberOf(first: number, second: number): number {
    if (2 * (this.size + 1) > this.firsts.length) this.grow();
    for (let slot = slotOf(first, second, this.mask); ; slot = (slot + 1) & this.mask) {
      const stored = this.firsts[slot]!;
      if (stored === -1) {
        this.firsts[slot] = first;
        this.seconds[slot] = second;
        this.numbers[slot] = this.size;
        return this.size++;
      }
      if (stored === first && this.seconds[slot] === second) return this.numbers[slot]!;
    }
  }

  private grow(): void {
    const [firsts, seconds, numbers] = [this.firsts, this.seconds, this.numbers];
    const capacity = firsts.length * 2;
    this.firsts = new Int32Array(capacity).fill(-1);
    this.seconds = new Int32Array(capacity);
    this.numbers = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let old = 0; old < firsts.length; old += 1) {
      if (firsts[old] === -1) continue;
      let slot = slotOf(firsts[old]!, seconds[old]!, this.mask);
      while (this.firsts[slot] !== -1) slot = (slot + 1) & this.mask;
      this.firsts[slot] = firsts[old]!;
      this.seconds[slot] = seconds[old]!;
      this.numbers[slot] = numbers[old]!;
    }
  }
}

function slotOf(first: number, second: number, mask: number): number {
  const mixed = Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) & mask;
}

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
    for (let slot = this.slotOf(low, high); ; slot = (slot + 1) & this.mask) {
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
    let slot = this.slotOf(low, high);
    while (this.lows[slot] !== -1 && !(this.lows[slot] === low && this.highs[slot] === high)) slot = (slot + 1) & this.mask;
    if (this.lows[slot] === -1) this.size += 1;
    this.lows[slot] = low;
    this.highs[slot] = high;
    this.values[slot] = value;
  }

  private slotOf(low: number, high: number): number {
    return (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & this.mask;
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

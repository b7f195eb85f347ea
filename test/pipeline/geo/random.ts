/** A small seeded generator (mulberry32), so that "random" test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point inside the Dutch bounding box. */
export function dutchPoint(random: () => number): { lat: number; lon: number } {
  return { lat: 50.75 + random() * 2.8, lon: 3.35 + random() * 3.9 };
}

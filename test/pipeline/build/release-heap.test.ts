/**
 * releaseHeap collects the garbage of a large heap at once, and leaves a small heap alone.
 */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseHeap } from '../../../pipeline/build/release-heap.ts';

/** About `megabytes` MB of objects, dead once the caller drops the array. */
function garbage(megabytes: number): { text: string }[] {
  return Array.from({ length: megabytes * 16_384 }, (_, index) => ({ text: `row ${index}` }));
}

describe('releaseHeap', () => {
  it('collects a dropped heap when the used heap is over the threshold', () => {
    let rows: { text: string }[] | undefined = garbage(24);
    const before = getHeapStatistics().used_heap_size;
    expect(rows.length).toBeGreaterThan(0);
    rows = undefined;
    expect(releaseHeap(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 12 * 1024 * 1024);
    expect(rows).toBeUndefined();
  });

  it('does nothing below the threshold', () => {
    expect(releaseHeap(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('gives no other context the gc function', async () => {
    releaseHeap(0);
    const { runInNewContext } = await import('node:vm');
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

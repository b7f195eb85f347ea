/**
 * A full garbage collection where a build has just dropped a large heap of objects.
 *
 * V8 lets its old space grow to about twice what survived its last full collection before it
 * collects again. In a build of a million records the last one falls before the matcher's objects
 * die, so the writes (whose rows survive scavenges and are promoted) grew the heap by a gigabyte
 * of garbage while DuckDB grew beside it. Collecting once at the phases' ends keeps the heap at
 * what is live. The function is V8's own `gc`, which Node gives only to a new context made while
 * `--expose-gc` is set; the flag is unset at once, so no other context gets it.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much used heap a forced collection costs more than it could give back. */
export const LARGE_HEAP_BYTES = 256 * 1024 * 1024;

let collect: (() => void) | undefined;

/** Collects all garbage when the used heap is at least `threshold` bytes; true when it did. */
export function releaseHeap(threshold = LARGE_HEAP_BYTES): boolean {
  if (getHeapStatistics().used_heap_size < threshold) return false;
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  collect();
  return true;
}

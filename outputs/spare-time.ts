/**
 * Work for a thread's spare time, done one step at a time: after each step the event loop has its
 * turn, so a message that brings real work (the report's worker is sent the year to render) is seen
 * between two steps, and `stop` waits for the one step under way, not for all that is queued.
 */

/** Steps of work: each `next()` does one; a step that yields a promise is done when it settles. */
export type Steps = Iterator<unknown, unknown, undefined>;

export interface SpareTime {
  /** Queues steps; `first` puts them before those already queued. Ignored once stopped. */
  add(steps: Steps, options?: { first?: boolean }): void;
  /** Drops what is still queued and settles after the step under way; rejects with the first step that failed. */
  stop(): Promise<void>;
}

export function spareTime(): SpareTime {
  const queue: Steps[] = [];
  let running: Promise<void> | undefined;
  let stopped = false;
  let failed = false;
  let failure: unknown;

  const run = async (): Promise<void> => {
    try {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        const steps = queue[0];
        if (stopped || steps === undefined) return;
        const step = steps.next();
        if (step.done === true) queue.shift();
        else await step.value;
      }
    } catch (error) {
      failed = true;
      failure = error;
      queue.length = 0;
    } finally {
      running = undefined;
    }
  };

  return {
    add(steps, { first = false } = {}) {
      if (stopped || failed) return;
      if (first) queue.unshift(steps);
      else queue.push(steps);
      running ??= run();
    },
    async stop() {
      stopped = true;
      queue.length = 0;
      await running;
      if (failed) throw failure;
    },
  };
}

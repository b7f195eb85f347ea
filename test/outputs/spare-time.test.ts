/**
 * Work for a thread's spare time (outputs/spare-time.ts): steps run one at a time with the event
 * loop's turn between them, queued work can go first, and stopping waits only for the step under way.
 */
import { describe, expect, it } from 'vitest';
import { spareTime } from '../../outputs/spare-time.ts';

function* steps(log: string[], name: string, count: number): Generator<undefined> {
  for (let index = 1; index <= count; index++) {
    log.push(`${name}${index}`);
    yield;
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('spare time', () => {
  it('runs every step in order, steps added first before those queued', async () => {
    const log: string[] = [];
    const spare = spareTime();
    spare.add(steps(log, 'a', 3));
    spare.add(steps(log, 'b', 2), { first: true });
    spare.add(steps(log, 'c', 1));
    for (let index = 0; index < 20; index++) await turn();
    expect(log).toEqual(['b1', 'b2', 'a1', 'a2', 'a3', 'c1']);
    await spare.stop();
  });

  it('gives the event loop a turn between steps, so a message is seen before the next step', async () => {
    const log: string[] = [];
    const spare = spareTime();
    spare.add(steps(log, 'a', 5));
    await turn();
    await turn();
    log.push('message');
    await spare.stop();
    expect(log.indexOf('message')).toBeGreaterThan(0);
    expect(log.length).toBeLessThan(6); // stopped before the queue was done
    expect(log.slice(-1)).not.toEqual(['a5']);
  });

  it('stop waits for the step under way and drops the rest, also steps added later', async () => {
    const log: string[] = [];
    let finish: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      finish = () => {
        log.push('slow done');
        resolve();
      };
    });
    const spare = spareTime();
    spare.add(
      (function* () {
        log.push('slow');
        yield slow;
        log.push('after slow');
      })(),
    );
    spare.add(steps(log, 'b', 2));
    await turn();
    await turn();
    const stopped = spare.stop().then(() => log.push('stopped'));
    spare.add(steps(log, 'late', 1));
    await turn();
    expect(log).toEqual(['slow']);
    finish();
    await stopped;
    for (let index = 0; index < 5; index++) await turn();
    expect(log).toEqual(['slow', 'slow done', 'stopped']);
  });

  it('a failed step ends the work, and stop rejects with it', async () => {
    const log: string[] = [];
    const spare = spareTime();
    spare.add(
      (function* () {
        log.push('one');
        yield;
        throw new Error('kapot');
      })(),
    );
    spare.add(steps(log, 'b', 2));
    for (let index = 0; index < 10; index++) await turn();
    expect(log).toEqual(['one']);
    await expect(spare.stop()).rejects.toThrow('kapot');
  });

  it('stop with nothing queued settles at once', async () => {
    await expect(spareTime().stop()).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { orderFiles, readDurations } from './file-order.ts';

const file = (path: string, size = 1000, project = 'gedeeld') => ({ project, path, size });

describe('the order test files are handed to the workers', () => {
  it('puts measured files longest first, whatever their size', () => {
    const files = [file('klein-traag.test.ts', 100), file('groot-snel.test.ts', 9000), file('midden.test.ts', 500)];
    const order = orderFiles(files, { 'klein-traag.test.ts': 30, 'groot-snel.test.ts': 0.2, 'midden.test.ts': 4 });
    expect(order.map((f) => f.path)).toEqual(['klein-traag.test.ts', 'midden.test.ts', 'groot-snel.test.ts']);
  });

  it('puts files without a measured duration first, larger before smaller', () => {
    const files = [file('gemeten.test.ts'), file('nieuw-klein.test.ts', 10), file('nieuw-groot.test.ts', 20)];
    expect(orderFiles(files, { 'gemeten.test.ts': 60 }).map((f) => f.path)).toEqual(['nieuw-groot.test.ts', 'nieuw-klein.test.ts', 'gemeten.test.ts']);
  });

  it('keeps each project together, the one with the most measured work first', () => {
    const files = [file('apart-a.test.ts', 1, 'apart'), file('gedeeld-a.test.ts', 1), file('apart-b.test.ts', 1, 'apart'), file('gedeeld-b.test.ts', 1)];
    const durations = { 'apart-a.test.ts': 5, 'apart-b.test.ts': 6, 'gedeeld-a.test.ts': 4, 'gedeeld-b.test.ts': 20 };
    expect(orderFiles(files, durations).map((f) => f.path)).toEqual(['gedeeld-b.test.ts', 'gedeeld-a.test.ts', 'apart-b.test.ts', 'apart-a.test.ts']);
  });

  // A file renamed or removed since the list was measured is not in a run's files and so is never looked up.
  it('reads a list whose every entry is a test file with a duration in seconds', () => {
    const durations = Object.entries(readDurations());
    expect(durations.length).toBeGreaterThan(0);
    for (const [path, seconds] of durations) {
      expect(path).toMatch(/^test\/.+\.test\.ts$/);
      expect(seconds).toBeGreaterThanOrEqual(0);
    }
  });
});

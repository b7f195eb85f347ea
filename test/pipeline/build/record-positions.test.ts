/**
 * recordPositions finds a year's MatchRecord by its source and row number, and refuses a record
 * that is not the one at that place or records that are not ordered as the read orders them.
 */
import { describe, expect, it } from 'vitest';
import { recordPositions } from '../../../pipeline/build/build-locations/record-positions.ts';
import type { MatchRecord } from '../../../pipeline/dedupe/compare.ts';
import { toMatchRecord } from '../../../pipeline/dedupe/records.ts';

function record(source: string, rowNumber: number): MatchRecord {
  return toMatchRecord(`${source}:${rowNumber}`, source, { name: `Inloop ${rowNumber}` }, 'locatie');
}

describe('recordPositions', () => {
  const rows: [string, number][] = [['bron:a', 2], ['bron:a', 3], ['bron:a', 10], ['b', 1], ['b', 7], ['c', 4]];
  const records = rows.map(([source, rowNumber]) => record(source, rowNumber));
  const rowNumbers = rows.map(([, rowNumber]) => rowNumber);

  it('gives every record its position', () => {
    const positionOf = recordPositions(records, rowNumbers);
    expect(records.map(positionOf)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('finds a copy of a record by its id, as the clustering may hand one back', () => {
    const positionOf = recordPositions(records, rowNumbers);
    expect(positionOf({ ...records[4]!, level: 'organisatie' })).toBe(4);
  });

  it('refuses a record the year does not hold', () => {
    const positionOf = recordPositions(records, rowNumbers);
    expect(() => positionOf(record('b', 8))).toThrow("record b:8 is not one of the year's records");
    expect(() => positionOf(record('b', 5))).toThrow("record b:5 is not one of the year's records");
    expect(() => positionOf(record('d', 1))).toThrow("record d:1 is not one of the year's records");
  });

  it('refuses records out of the read order', () => {
    expect(() => recordPositions([records[1]!, records[0]!], [3, 2])).toThrow('records of bron:a are not ordered by row number at position 1');
    expect(() => recordPositions([records[0]!, records[3]!, records[1]!], [2, 1, 3])).toThrow('records of bron:a are not ordered by row number at position 2');
  });
});

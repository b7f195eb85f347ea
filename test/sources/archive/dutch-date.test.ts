/** sources/archive/dutch-date.ts: dates in Dutch, in Dutch time, whatever the machine's zone. */
import { describe, expect, it } from 'vitest';
import { dutchYear, formatDutchDateTime, formatLocalTimestamp, TIME_ZONE } from '../../../sources/archive/dutch-date.ts';

describe('Dutch dates', () => {
  it('writes an instant in Amsterdam time, winter and summer', () => {
    expect(formatDutchDateTime('2025-03-03T03:00:00Z')).toBe('3 maart 2025 04:00');
    expect(formatDutchDateTime(new Date('2025-07-01T22:30:00Z'))).toBe('2 juli 2025 00:30');
    expect(formatLocalTimestamp('2025-03-03T03:00:00Z')).toBe('2025-03-03 04:00:00');
    expect(formatLocalTimestamp(new Date('2025-07-01T10:05:09Z'))).toBe('2025-07-01 12:05:09');
  });

  it("gives an instant's year in Amsterdam as an Intl format in that zone does, around every New Year and in summer", () => {
    const intlYear = new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' });
    const instants: Date[] = [];
    for (let year = 1950; year <= 2100; year += 1) {
      const newYear = Date.UTC(year, 0, 1) - 3_600_000;
      for (const offset of [-7_200_000, -3_600_001, -1, 0, 1, 3_600_000]) instants.push(new Date(newYear + offset));
      instants.push(new Date(Date.UTC(year, 6, 31, 22, 30)));
    }
    for (const instant of instants) expect(dutchYear(instant), instant.toISOString()).toBe(Number(intlYear.format(instant)));
    expect(dutchYear('2024-12-31T22:59:59.999Z')).toBe(2024);
    expect(dutchYear('2024-12-31T23:00:00Z')).toBe(2025);
  });
});

/** sources/archive/dutch-date.ts: dates in Dutch, in Dutch time, whatever the machine's zone. */
import { describe, expect, it } from 'vitest';
import { formatDutchDateTime, formatLocalTimestamp } from '../../../sources/archive/dutch-date.ts';

describe('Dutch dates', () => {
  it('writes an instant in Amsterdam time, winter and summer', () => {
    expect(formatDutchDateTime('2025-03-03T03:00:00Z')).toBe('3 maart 2025 04:00');
    expect(formatDutchDateTime(new Date('2025-07-01T22:30:00Z'))).toBe('2 juli 2025 00:30');
    expect(formatLocalTimestamp('2025-03-03T03:00:00Z')).toBe('2025-03-03 04:00:00');
    expect(formatLocalTimestamp(new Date('2025-07-01T10:05:09Z'))).toBe('2025-07-01 12:05:09');
  });
});

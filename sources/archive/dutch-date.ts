/**
 * Dates for people, in Dutch and in Dutch time (Europe/Amsterdam), whatever the machine's zone.
 * Each format is made when first used: the first Intl.DateTimeFormat of a process costs tens of
 * milliseconds, and most commands that load this module (through the lock) never format a date.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const longFormat = lazyFormat({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const stampFormat = lazyFormat({
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "3 maart 2025 04:00" */
export function formatDutchDateTime(value: Date | string): string {
  const part = parts(longFormat, value);
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
}

/** "2025-03-03 04:00:00", for log lines. */
export function formatLocalTimestamp(value: Date | string): string {
  const part = parts(stampFormat, value);
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * The year of an instant in Dutch time, without an Intl format (the first of a process costs
 * ~25 ms CPU): New Year in Amsterdam always falls in winter time, UTC+1.
 */
export function dutchYear(value: Date | string): number {
  const instant = typeof value === 'string' ? new Date(value) : value;
  return new Date(instant.getTime() + 3_600_000).getUTCFullYear();
}

function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, ...options }));
}

function parts(format: () => Intl.DateTimeFormat, value: Date | string): (type: Intl.DateTimeFormatPartTypes) => string {
  const list = format().formatToParts(typeof value === 'string' ? new Date(value) : value);
  return (type) => list.find((part) => part.type === type)?.value ?? '';
}

/** The one line a scheduled run leaves in the log: when it started, how it ended, how long it took. */
import { formatLocalTimestamp } from '../../sources/archive/dutch-date.ts';

export type RunOutcome = { kind: 'ok' } | { kind: 'failed'; reason: string } | { kind: 'skipped'; reason: string };

export interface RunRecord {
  startedAt: Date;
  durationMs: number;
  outcome: RunOutcome;
}

const COLOURS = { ok: '\u001b[32m', failed: '\u001b[31m', skipped: '\u001b[33m' } as const;
const RESET = '\u001b[0m';

export function formatRunLine(record: RunRecord, tty: boolean): string {
  const { outcome } = record;
  const paint = (text: string) => (tty ? `${COLOURS[outcome.kind]}${text}${RESET}` : text);
  const start = `${formatLocalTimestamp(record.startedAt)} run`;
  switch (outcome.kind) {
    case 'ok':
      return `${start} ${paint('geslaagd')} in ${formatDuration(record.durationMs)}`;
    case 'failed':
      return `${start} ${paint('mislukt')} na ${formatDuration(record.durationMs)}: ${oneLine(outcome.reason)}`;
    case 'skipped':
      return `${start} ${paint('overgeslagen')}: ${oneLine(outcome.reason)}`;
  }
}

/** "0,4 s", "12,3 s", "3 min 5 s", "1 u 2 min". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, ms) / 1000;
  if (totalSeconds < 60) return `${totalSeconds.toFixed(1).replace('.', ',')} s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.floor(totalSeconds % 60)} s`;
  return `${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

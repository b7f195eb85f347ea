/** A cron expression as the user typed it, checked before anything is scheduled. */
import { Cron } from 'croner';
import { TIME_ZONE } from '../../sources/archive/dutch-date.ts';
import { UsageError } from '../../sources/errors.ts';

export const SCHEDULE_TIME_ZONE = TIME_ZONE;

/** Throws a UsageError (exit 2) for an expression croner cannot read or that never fires. */
export function checkCronExpression(expression: string, timezone: string = SCHEDULE_TIME_ZONE): string {
  const trimmed = expression.trim();
  let probe: Cron;
  try {
    probe = new Cron(trimmed, { timezone, paused: true });
  } catch (error) {
    const usage = new UsageError(
      `ongeldige cron-uitdrukking '${expression}': gebruik vijf velden (minuut uur dag maand weekdag) of zes (met seconden vooraan), ` +
        `bijvoorbeeld '0 4 * * 1' voor elke maandag om 04:00`,
    );
    // croner's own (English) explanation, shown with --debug
    usage.cause = error;
    throw usage;
  }
  const next = probe.nextRun();
  probe.stop();
  if (next === null) throw new UsageError(`cron-uitdrukking '${expression}' valt nooit meer op een bestaand tijdstip`);
  return trimmed;
}

/**
 * Runs a job on a cron schedule (Europe/Amsterdam). Runs never overlap: not in this process
 * (croner's `protect`, plus a guard for manual triggers) and not across processes (the database
 * lock, taken per run). A failed run is logged and the schedule keeps going.
 */
import { Cron } from 'croner';
import { acquireLock, LockBusyError, type DatabaseLock } from '../lock/acquire-lock.ts';
import { checkCronExpression, SCHEDULE_TIME_ZONE } from './cron-expression.ts';
import { formatRunLine, type RunOutcome, type RunRecord } from './run-line.ts';

export type ScheduledJob = (run: { startedAt: Date }) => Promise<void>;

export interface ScheduleOptions {
  cron: string;
  job: ScheduledJob;
  /** The database whose lock file keeps other lsp-monitor processes out during a run. */
  databasePath: string;
  log: (line: string) => void;
  /** Colour the outcome (only on a terminal). */
  tty?: boolean;
  timezone?: string;
  /** Told about every finished (or skipped) run, e.g. by tests. */
  onRun?: (record: RunRecord) => void;
}

export interface Schedule {
  /** Runs the job now, with the same protection and logging as a run by the clock. */
  trigger(): Promise<RunRecord>;
  nextRun(): Date | null;
  stop(): void;
}

const STILL_RUNNING = 'de vorige run loopt nog';

export function startSchedule(options: ScheduleOptions): Schedule {
  const pattern = checkCronExpression(options.cron, options.timezone);
  let running = false;

  const finish = (record: RunRecord): RunRecord => {
    options.log(formatRunLine(record, options.tty ?? false));
    options.onRun?.(record);
    return record;
  };

  const runOnce = async (): Promise<RunRecord> => {
    const startedAt = new Date();
    const started = performance.now();
    const record = (outcome: RunOutcome) => finish({ startedAt, durationMs: performance.now() - started, outcome });
    if (running) return record({ kind: 'skipped', reason: STILL_RUNNING });
    running = true;
    try {
      let lock: DatabaseLock;
      try {
        lock = await acquireLock(options.databasePath, { command: `lsp-monitor schedule --cron '${pattern}'` });
      } catch (error) {
        // Another process at work is a reason to skip this run; anything else makes it fail.
        if (error instanceof LockBusyError) return record({ kind: 'skipped', reason: error.message });
        return record({ kind: 'failed', reason: messageOf(error) });
      }
      try {
        await options.job({ startedAt });
        return record({ kind: 'ok' });
      } catch (error) {
        return record({ kind: 'failed', reason: messageOf(error) });
      } finally {
        lock.release();
      }
    } finally {
      running = false;
    }
  };

  const cron = new Cron(
    pattern,
    {
      timezone: options.timezone ?? SCHEDULE_TIME_ZONE,
      protect: () => finish({ startedAt: new Date(), durationMs: 0, outcome: { kind: 'skipped', reason: STILL_RUNNING } }),
    },
    async () => {
      await runOnce();
    },
  );

  return {
    trigger: runOnce,
    nextRun: () => cron.nextRun(),
    stop: () => cron.stop(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The schedule: cron validation, a failing run that does not stop it, no overlapping runs, the lock across processes. */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatRunLine, type RunRecord } from '../../../pipeline/schedule/run-line.ts';
import { startSchedule, type Schedule, type ScheduleOptions } from '../../../pipeline/schedule/schedule.ts';
import { parseThenSteps, stepArguments } from '../../../pipeline/schedule/then-steps.ts';
import { MonitorError, UsageError } from '../../../sources/errors.ts';
import { spawnLockHolder } from '../../helpers/hold-lock.ts';

const schedules: Schedule[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const schedule of schedules.splice(0)) schedule.stop();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const RUN_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} run /;

function database(): string {
  return join(mkdtempSync(join(tmpdir(), 'lsp-schedule-')), 'monitor.duckdb');
}

function start(options: Partial<ScheduleOptions> & Pick<ScheduleOptions, 'job'>): { schedule: Schedule; lines: string[]; records: RunRecord[] } {
  const lines: string[] = [];
  const records: RunRecord[] = [];
  const schedule = startSchedule({
    cron: '0 4 * * 1',
    databasePath: database(),
    log: (line) => lines.push(line),
    onRun: (record) => records.push(record),
    ...options,
  });
  schedules.push(schedule);
  return { schedule, lines, records };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function thrown(work: () => unknown): MonitorError {
  try {
    work();
  } catch (error) {
    if (error instanceof MonitorError) return error;
    throw error;
  }
  throw new Error('expected a MonitorError');
}

describe('startSchedule', () => {
  it('refuses an invalid cron expression with a usage error (exit 2)', () => {
    const error = thrown(() => start({ cron: '61 * * * *', job: async () => {} }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      "ongeldige cron-uitdrukking '61 * * * *': gebruik vijf velden (minuut uur dag maand weekdag) of zes (met seconden vooraan), " +
        "bijvoorbeeld '0 4 * * 1' voor elke maandag om 04:00",
    );
    expect(thrown(() => start({ cron: '0 0 30 2 *', job: async () => {} })).message).toBe(
      "cron-uitdrukking '0 0 30 2 *' valt nooit meer op een bestaand tijdstip",
    );
  });

  it('schedules in Europe/Amsterdam time', () => {
    const { schedule } = start({ cron: '0 4 * * *', job: async () => {} });
    const next = schedule.nextRun();
    const amsterdam = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(next === null ? '' : amsterdam.format(next)).toBe('04:00');
  });

  it('keeps going after a failed run, on the clock (every second, at most 3 s)', async () => {
    let calls = 0;
    const { lines, records } = start({
      cron: '* * * * * *',
      job: async () => {
        calls += 1;
        if (calls === 1) throw new MonitorError('bron x kon niet worden opgehaald');
      },
    });

    await until(() => records.length >= 2, 3_000);

    expect(records.slice(0, 2).map((record) => record.outcome.kind)).toEqual(['failed', 'ok']);
    expect(lines[0]).toMatch(RUN_LINE);
    expect(lines[0]?.replace(RUN_LINE, '')).toMatch(/^mislukt na \d+,\d s: bron x kon niet worden opgehaald$/);
    expect(lines[1]?.replace(RUN_LINE, '')).toMatch(/^geslaagd in \d+,\d s$/);
  });

  it('does not start a run on the clock while the previous one still runs (croner protect)', async () => {
    const gate = deferred();
    let active = 0;
    let maxActive = 0;
    const { records } = start({
      cron: '* * * * * *',
      job: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await gate.promise;
        active -= 1;
      },
    });

    await until(() => records.some((record) => record.outcome.kind === 'skipped'), 3_000);
    gate.resolve();
    await until(() => records.some((record) => record.outcome.kind === 'ok'), 1_000);

    expect(maxActive).toBe(1);
    expect(records.find((record) => record.outcome.kind === 'skipped')?.outcome).toEqual({ kind: 'skipped', reason: 'de vorige run loopt nog' });
  });

  it('does not run the job twice at once when triggers overlap', async () => {
    const gate = deferred();
    let calls = 0;
    const { schedule, lines } = start({
      job: async () => {
        calls += 1;
        await gate.promise;
      },
    });

    const first = schedule.trigger();
    const second = await schedule.trigger();
    gate.resolve();
    const done = await first;

    expect(calls).toBe(1);
    expect(second.outcome).toEqual({ kind: 'skipped', reason: 'de vorige run loopt nog' });
    expect(done.outcome).toEqual({ kind: 'ok' });
    expect(lines.map((line) => line.replace(RUN_LINE, '').replace(/\d+,\d s$/, 'N s'))).toEqual([
      'overgeslagen: de vorige run loopt nog',
      'geslaagd in N s',
    ]);
  });

  it('skips a run while another process holds the database lock', async () => {
    const databasePath = database();
    const child = await spawnLockHolder(databasePath, -1, ['ignore', 'pipe', 'inherit']);
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('child did not take the lock in time')), 20_000);
      child.stdout?.once('data', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    let calls = 0;
    const { schedule } = start({
      databasePath,
      job: async () => {
        calls += 1;
      },
    });

    const record = await schedule.trigger();

    expect(calls).toBe(0);
    expect(record.outcome.kind).toBe('skipped');
    expect(record.outcome.kind === 'skipped' ? record.outcome.reason : '').toMatch(
      new RegExp(`^database monitor\\.duckdb is in gebruik door lsp-monitor-proces ${child.pid} \\(gestart `),
    );
  });

  it('holds the lock during a run and releases it afterwards', async () => {
    const databasePath = database();
    let lockedDuringRun = false;
    const { schedule } = start({
      databasePath,
      job: async () => {
        lockedDuringRun = existsSync(`${databasePath}.lock`);
      },
    });

    await schedule.trigger();

    expect(lockedDuringRun).toBe(true);
    expect(existsSync(`${databasePath}.lock`)).toBe(false);
  });
});

describe('run lines', () => {
  const startedAt = new Date('2025-03-03T03:00:00Z');

  it('is one plain line per run when not on a terminal', () => {
    expect(formatRunLine({ startedAt, durationMs: 12_345, outcome: { kind: 'ok' } }, false)).toBe('2025-03-03 04:00:00 run geslaagd in 12,3 s');
    expect(formatRunLine({ startedAt, durationMs: 65_000, outcome: { kind: 'failed', reason: 'eerste regel\ntweede regel' } }, false)).toBe(
      '2025-03-03 04:00:00 run mislukt na 1 min 5 s: eerste regel tweede regel',
    );
    expect(formatRunLine({ startedAt, durationMs: 0, outcome: { kind: 'skipped', reason: 'de vorige run loopt nog' } }, false)).toBe(
      '2025-03-03 04:00:00 run overgeslagen: de vorige run loopt nog',
    );
  });

  it('colours the outcome on a terminal', () => {
    expect(formatRunLine({ startedAt, durationMs: 400, outcome: { kind: 'ok' } }, true)).toBe('2025-03-03 04:00:00 run \u001b[32mgeslaagd\u001b[0m in 0,4 s');
  });

  it('formats long durations', () => {
    expect(formatDuration(3_725_000)).toBe('1 u 2 min');
  });
});

describe('--then steps', () => {
  it('turns steps into command lines with the year, the reports folder and --db/--config', () => {
    const steps = parseThenSteps('build, report');
    const context = { year: 2025, reportsDir: '/srv/rapporten', common: ['--db', '/srv/m.duckdb'] };
    expect(steps.map((step) => stepArguments(step, context))).toEqual([
      ['build', '--year', '2025', '--db', '/srv/m.duckdb'],
      ['report', '--year', '2025', '--out', join('/srv/rapporten', '2025'), '--db', '/srv/m.duckdb'],
    ]);
  });

  it('refuses an unknown step with a usage error', () => {
    const error = thrown(() => parseThenSteps('build,publiceer'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("onbekende stap 'publiceer' in --then (mogelijk: build, report, run)");
  });
});
